import { IpcGenerationRequestSchema } from '../../../../shared/ipc/contract.js';
import { issueMessage, type IssueMessage } from '../../../../shared/issue-message.js';
import type { JobView } from '../../../../shared/ipc/views.js';
import { DEFAULT_DRAFT, type ComposeFrame, type Draft } from './draft';

/**
 * Draft ⇄ request. The request is checked with the contract's own schema, so
 * the form refuses exactly what main would refuse, before anything is sent.
 */

export type IpcRequest = ReturnType<typeof IpcGenerationRequestSchema.parse>;
/** Field → first message as the form shows it, keyed by the schema's issue path ('prompt', 'seed', 'last_frame_image'…). */
export type FieldErrors = Partial<Record<string, string>>;
/** Field → first issue, as a catalog message (main words the same issue the same way); see use-field-errors. */
export type FieldIssues = Partial<Record<string, IssueMessage>>;

export function toRequestInput(d: Draft): Record<string, unknown> {
  return {
    model: d.model,
    prompt: d.prompt,
    ...(d.negativePrompt.trim() ? { negative_prompt: d.negativePrompt } : {}),
    duration: d.duration,
    aspect_ratio: d.aspect,
    resolution: d.resolution,
    ...(d.first ? { first_frame_image: d.first.ref } : {}),
    ...(d.last ? { last_frame_image: d.last.ref } : {}),
    ...(d.seedMode === 'fixed' ? { seed: d.seed } : {}),
    sample_count: d.sampleCount,
    generate_audio: d.audio,
    person_generation: d.person,
    ...(d.first ? { resize_mode: d.resizeMode } : {}),
    // enhance_prompt is left out: it is always on, and the endpoint refuses `false`.
  };
}

export function validate(d: Draft): { request: IpcRequest; errors?: undefined } | { request?: undefined; errors: FieldIssues } {
  const parsed = IpcGenerationRequestSchema.safeParse(toRequestInput(d));
  if (parsed.success) return { request: parsed.data };
  const errors: FieldIssues = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'request';
    errors[field] ??= issueMessage(issue);
  }
  return { errors };
}

const SHA_FILE = /^([a-f0-9]{64})\.[A-Za-z0-9]+$/;

/** A frame as a job/library view names it → a frame the page can send again (undefined if it cannot). */
export function frameFromView(ref: JobView['request']['first_frame_image']): ComposeFrame | undefined {
  if (!ref) return undefined;
  if (ref.kind === 'url') return { ref: { kind: 'url', url: ref.url } };
  const name = ref.path.split(/[\\/]/).pop() ?? '';
  const m = SHA_FILE.exec(name);
  return m?.[1] ? { ref: { kind: 'frame', frameId: m[1] }, name } : undefined;
}

/** Every field of a past job's request, as a draft. Frames that cannot be reused are reported. */
export function draftFromRequest(r: JobView['request']): { draft: Draft; droppedFrames: number } {
  const first = frameFromView(r.first_frame_image);
  const last = first ? frameFromView(r.last_frame_image) : undefined;
  const droppedFrames = (r.first_frame_image && !first ? 1 : 0) + (r.last_frame_image && !last ? 1 : 0);
  const draft: Draft = {
    ...DEFAULT_DRAFT,
    prompt: r.prompt,
    negativePrompt: r.negative_prompt ?? '',
    model: r.model,
    duration: r.duration,
    aspect: r.aspect_ratio,
    resolution: r.resolution,
    seedMode: r.seed === undefined ? 'random' : 'fixed',
    seed: r.seed ?? 0,
    sampleCount: r.sample_count,
    audio: r.generate_audio,
    person: r.person_generation,
    resizeMode: r.resize_mode ?? 'pad',
    ...(first ? { first } : {}),
    ...(last ? { last } : {}),
  };
  return { draft, droppedFrames };
}
