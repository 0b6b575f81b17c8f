import { GenerationRequestSchema, type GenerationRequestInput } from '../../../shared/domain/generation.js';
import { SIDECAR_SCHEMA, type VideoSidecar } from '../../../shared/domain/video.js';

/** A valid sidecar for tests; `n` makes ids, names and times distinct. */
export function makeSidecar(
  n: number,
  over: { request?: Partial<GenerationRequestInput>; sidecar?: Partial<VideoSidecar> } = {},
): VideoSidecar {
  const request = GenerationRequestSchema.parse({ prompt: `clip number ${n}`, ...over.request });
  const jobId = `job${String(n).padStart(5, '0')}`;
  return {
    schema: SIDECAR_SCHEMA,
    id: `${jobId}-0`,
    jobId,
    index: 0,
    file: `clip-${n}.mp4`,
    bytes: 1000 + n,
    sha256: 'ab'.repeat(32),
    provider: 'demo',
    model: request.model,
    request,
    body: { model: request.model, prompt: request.prompt },
    taskId: `task_${n}`,
    requestIds: [],
    frames: [],
    cost: { usd: 0.1 * (n % 7), credits: n % 7 },
    timings: { createdAt: 1_700_000_000_000 + n * 1000, savedAt: 1_700_000_000_000 + n * 1000 + 500 },
    appVersion: '0.1.0',
    user: { favorite: false, tags: [] },
    ...over.sidecar,
  };
}
