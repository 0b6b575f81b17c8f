import type { JobView, KeyframeVideoView, SettingsView } from '../../../shared/ipc/views.js';

/** Minimal valid views for the renderer's store and formatting tests; each test overrides only what it is about. */

const request: JobView['request'] = {
  model: 'veo3.1-fast-official',
  prompt: 'a paper boat',
  negative_prompt: undefined,
  duration: 8,
  aspect_ratio: '16:9',
  resolution: '720p',
  sample_count: 1,
  generate_audio: false,
  person_generation: 'allow_adult',
};

export function jobView(overrides: Partial<JobView> = {}): JobView {
  return {
    id: 'job-1',
    provider: 'apimart',
    state: 'queued',
    createdAt: 1_000,
    updatedAt: 1_000,
    request,
    parked: false,
    outputs: [],
    ...overrides,
  };
}

export type Output = JobView['outputs'][number];

export function output(overrides: Partial<Output> = {}): Output {
  return { index: 0, fileName: 'clip.mp4', bytesDone: 0, saved: false, ...overrides };
}

export function videoView(id: string, overrides: Partial<KeyframeVideoView> = {}): KeyframeVideoView {
  return {
    kind: 'keyframe',
    id,
    fileName: `${id}.mp4`,
    bytes: 1_000,
    videoMissing: false,
    provider: 'apimart',
    model: 'veo3.1-fast-official',
    request,
    taskId: `task-${id}`,
    requestIds: [],
    createdAt: 1_000,
    favorite: false,
    tags: [],
    frames: [],
    mediaUrl: `keyframe-media://video/${id}`,
    ...overrides,
  };
}

/** `count` videos with ids v0…v(count-1), starting at `from`. */
export const videos = (from: number, count: number): KeyframeVideoView[] => Array.from({ length: count }, (_, i) => videoView(`v${from + i}`));

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    outputDir: '/videos',
    nameTemplate: '{date}_{prompt}',
    concurrency: 3,
    language: 'en',
    theme: 'system',
    demoMode: false,
    hasApiKey: true,
    keyStorage: 'os-encrypted',
    ...overrides,
  };
}
