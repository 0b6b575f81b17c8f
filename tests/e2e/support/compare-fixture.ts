import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SIDECAR_SCHEMA, type VideoSidecar } from '../../../shared/domain/video.js';
import { startHostProcess } from '../host-process.js';
import { MOVING_MP4 } from './library-fixture.js';
import type { LibraryHost } from './library-host.js';

/**
 * A library for the compare specs: one job of four takes whose files run 2, 4, 6 and 8 s (the demo's
 * 24 fps fixtures), so a comparison has clips of four lengths; and three clips of other jobs, made
 * with other settings, to compare from a multi-selection.
 */

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'demo', 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);

/** The takes' ids in take order, and their files' lengths in frames (24 fps). */
export const TAKES = ['shot1-0', 'shot1-1', 'shot1-2', 'shot1-3'] as const;
export const TAKE_FRAMES = [48, 96, 144, 192] as const;
export const OTHERS = ['other1-0', 'other2-0', 'other3-0'] as const;

const TAKE_FILES = [
  { video: MOVING_MP4, poster: fixture('demo-16x9-testsrc2.jpg') },
  { video: fixture('clip-16x9-4s.mp4'), poster: fixture('clip-16x9-4s.jpg') },
  { video: fixture('clip-16x9-6s.mp4'), poster: fixture('clip-16x9-6s.jpg') },
  { video: fixture('clip-16x9-8s.mp4'), poster: fixture('clip-16x9-8s.jpg') },
];

const BASE = Date.UTC(2026, 2, 1, 9, 0, 0);

function sidecar(over: { id: string; jobId: string; index: number; file: string; createdAt: number; prompt: string; seed: number; request?: Partial<VideoSidecar['request']>; favorite?: boolean }): VideoSidecar {
  return {
    schema: SIDECAR_SCHEMA,
    id: over.id,
    jobId: over.jobId,
    index: over.index,
    file: over.file,
    bytes: 30_000,
    provider: 'demo',
    model: over.request?.model ?? 'veo3.1-fast-official',
    request: {
      model: 'veo3.1-fast-official',
      prompt: over.prompt,
      duration: 8,
      aspect_ratio: '16:9',
      resolution: '720p',
      sample_count: 1,
      generate_audio: true,
      person_generation: 'allow_adult',
      ...over.request,
    },
    body: {},
    taskId: `task_${over.jobId}`,
    requestIds: [`req_${over.jobId}`],
    seed: over.seed,
    frames: [],
    cost: { usd: 0.6 },
    timings: { createdAt: over.createdAt, submittedAt: over.createdAt + 1000, completedAt: over.createdAt + 60_000, savedAt: over.createdAt + 61_000 },
    appVersion: '0.1.0',
    user: { favorite: over.favorite ?? false, tags: [] },
  };
}

export function writeCompareLibrary(outDir: string, postersDir: string): void {
  mkdirSync(outDir, { recursive: true });
  mkdirSync(postersDir, { recursive: true });
  const put = (s: VideoSidecar, video: string, poster: string) => {
    copyFileSync(video, join(outDir, s.file));
    writeFileSync(join(outDir, s.file.replace(/\.mp4$/, '.keyframe.json')), JSON.stringify(s));
    copyFileSync(poster, join(postersDir, `${s.id}.jpg`));
  };
  TAKES.forEach((id, i) => {
    const f = TAKE_FILES[i]!;
    put(sidecar({ id, jobId: 'shot1', index: i, file: `take-${i + 1}.mp4`, createdAt: BASE, prompt: 'A paper boat drifting down a rainy street at dusk, cinematic', seed: 424242, request: { sample_count: 4 } }), f.video, f.poster);
  });
  const others = [
    { prompt: 'A paper boat drifting down a rainy street at dusk, cinematic', seed: 7, request: {} },
    { prompt: 'A paper boat sailing down a sunny street at noon, cinematic', seed: 8, request: { model: 'veo3.1-quality-official' as const, resolution: '1080p' as const } },
    { prompt: 'A red fox in the snow, documentary', seed: 9, request: { generate_audio: false } },
  ];
  OTHERS.forEach((id, i) => {
    const o = others[i]!;
    put(sidecar({ id, jobId: id.replace(/-0$/, ''), index: 0, file: `other-${i + 1}.mp4`, createdAt: BASE + (i + 1) * 3_600_000, prompt: o.prompt, seed: o.seed, request: o.request }), fixture('clip-16x9-8s.mp4'), fixture('clip-16x9-8s.jpg'));
  });
}

export async function startCompareHost(): Promise<LibraryHost> {
  const host = await startHostProcess({ startupTimeoutMs: 30_000, prepare: ({ dataDir, outDir }) => writeCompareLibrary(outDir, join(dataDir, 'posters')) });
  return { url: host.url, origin: host.origin, outDir: host.outDir, dataDir: host.dataDir, library: { count: TAKES.length + OTHERS.length, rareWord: '', rareCount: 0 }, stop: () => host.stop() };
}
