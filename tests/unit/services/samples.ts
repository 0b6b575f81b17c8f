import type { Channel, Domain, OpInput, OpName } from '../../../shared/ipc/channels.js';
import type { JobView, VideoView } from '../../../shared/ipc/views.js';
import type { OutputOf } from './service-harness.js';

/**
 * One valid input and one valid output per contract op: the fuzz test's
 * starting points and the dispatcher's spy replies. `satisfies` makes a
 * missing channel a type error; the tests also check it at run time.
 */

type InputOf<C extends Channel> = C extends `${infer D}:${infer O}` ? (D extends Domain ? (O extends OpName<D> ? OpInput<D, O> : never) : never) : never;

export const FRAME_ID = 'a'.repeat(64);
export const REVISION = 'b'.repeat(64);
export const EXPORT_ID = `exp${'c'.repeat(24)}`;

const request = { prompt: 'a paper boat', duration: 6 as const, seed: 7, first_frame_image: { kind: 'frame' as const, frameId: FRAME_ID }, last_frame_image: { kind: 'url' as const, url: 'https://example.com/last.png' } };

export const VALID_INPUTS = {
  'jobs:submit': { request, lineage: { parentId: 'job-0-0', frame: 'last' } },
  'jobs:list': {},
  'jobs:retry': { id: 'job-1' },
  'jobs:stop': { id: 'job-1' },
  'jobs:resume': { id: 'job-1' },
  'jobs:approve': { id: 'job-1' },
  'jobs:queueState': {},
  'jobs:pauseQueue': {},
  'jobs:resumeQueue': {},
  'library:query': { text: 'boat', model: 'fast', resolution: '720p', aspect: '16:9', duration: 8, audio: false, favorite: true, from: 0, to: 1e12, sort: 'cost', offset: 0, limit: 50, shot: 'job-1', group: 'shot' },
  'library:get': { id: 'job-1-0' },
  'library:lineage': { id: 'job-1-0' },
  'library:setFavorite': { id: 'job-1-0', favorite: true },
  'library:setTags': { id: 'job-1-0', tags: ['sea', 'dusk'] },
  'library:trash': { id: 'job-1-0' },
  'library:restore': { id: 'job-1-0' },
  'library:reveal': { id: 'job-1-0' },
  'library:startDrag': { id: 'job-1-0' },
  'library:savePoster': { id: 'job-1-0', dataBase64: '/9j/4AAQSkZJRgABAQ==' },
  'library:posterBacklog': { limit: 8, skip: ['job-1-0'] },
  'library:folders': {},
  'library:addFolder': { path: '/videos/flow' },
  'library:chooseFolder': {},
  'library:removeFolder': { path: '/videos/flow' },
  'frames:import': { name: 'drop.png', dataBase64: 'iVBORw0KGgo=' },
  'settings:get': {},
  'settings:update': {
    outputDir: '/videos/keyframe',
    nameTemplate: '{date}_{prompt}',
    concurrency: 4,
    language: 'ko',
    theme: 'dark',
    demoMode: true,
    dailyCapUsd: 5,
    monthlyCapUsd: null,
  },
  'settings:chooseOutputDir': {},
  'settings:setApiKey': { key: 'sk-abcdefgh12345678' },
  'settings:clearApiKey': {},
  'settings:hasApiKey': {},
  'settings:testApiKey': {},
  'app:version': {},
  'app:locale': {},
  'cost:estimate': { request: { prompt: 'a paper boat', resolution: '1080p', generate_audio: true, sample_count: 2 } },
  'cost:prices': {},
  'spend:summary': { month: '2026-09' },
  'balance:get': {},
  'batch:plan': { source: { kind: 'csv', text: 'prompt,seed\na boat,1\n' }, defaults: { duration: 4, first_frame_image: { kind: 'frame', frameId: FRAME_ID } } },
  'batch:queue': { source: { kind: 'sweep', seeds: { list: [1, 2] }, grid: { model: ['veo3.1-fast-official'], duration: [4, 8] } }, defaults: { prompt: 'a boat' }, name: 'boats' },
  'batch:list': {},
  'batch:pause': { id: 'batch-1' },
  'batch:resume': { id: 'batch-1' },
  'history:list': { search: 'boat', limit: 20, offset: 0 },
  'sequence:list': {},
  'sequence:get': { name: 'Harbour scene' },
  'sequence:save': {
    name: 'Harbour scene',
    revision: REVISION,
    title: 'Harbour',
    clips: [
      { ref: 0, file: 'takes/boat.mp4', in: 0.5, out: 2.25, title: 'boat' },
      { file: 'gull.mp4' },
    ],
  },
  'sequence:delete': { name: 'Harbour scene', revision: REVISION },
  'sequence:plan': { name: 'Harbour scene' },
  'sequence:export': { exportId: EXPORT_ID, fileName: 'Harbour scene.mp4' },
  'sequence:cancel': { exportId: EXPORT_ID },
  'sequence:writeChunk': { exportId: EXPORT_ID, position: 1024, dataBase64: 'AAAAIGZ0eXBpc29t' },
  'sequence:finish': { exportId: EXPORT_ID, fileName: 'cut.mp4' },
} satisfies { [C in Channel]: InputOf<C> };

const fullRequest = {
  model: 'veo3.1-fast-official' as const,
  prompt: 'a paper boat',
  negative_prompt: undefined,
  duration: 8 as const,
  aspect_ratio: '16:9' as const,
  resolution: '720p' as const,
  sample_count: 1,
  generate_audio: false,
  person_generation: 'allow_adult' as const,
};

const job: JobView = { id: 'job-1', provider: 'apimart', state: 'done', createdAt: 1, updatedAt: 2, request: fullRequest, parked: false, outputs: [{ index: 0, fileName: 'a.mp4', bytesDone: 10, bytesTotal: 10, saved: true, videoId: 'job-1-0' }] };
const video: VideoView = {
  kind: 'keyframe',
  id: 'job-1-0',
  fileName: 'a.mp4',
  bytes: 10,
  videoMissing: false,
  provider: 'apimart',
  model: 'veo3.1-fast-official',
  request: fullRequest,
  taskId: 'task-1',
  requestIds: [],
  createdAt: 1,
  favorite: false,
  tags: [],
  frames: [],
  mediaUrl: 'keyframe-media://video/job-1-0',
};
const folders = { folders: [{ path: '/videos', output: true, state: 'watching' as const }] };
const queue = { paused: false, concurrency: 3, counts: { done: 1 } };
const batch = { id: 'batch-1', createdAt: 1, source: 'csv' as const, state: 'running' as const, jobs: 2, done: 1, failed: 0, needsAttention: 0, active: 1, rows: [{ row: 2, jobId: 'job-1' }] };
const settings = {
  outputDir: '/videos',
  nameTemplate: '{date}',
  concurrency: 3,
  language: 'en' as const,
  theme: 'system' as const,
  demoMode: false,
  dailyCapUsd: 5,
  monthlyCapUsd: null,
  hasApiKey: true,
  keyStorage: 'os-encrypted' as const,
};
const total = { spentUsd: 1.28, chargedUsd: 0.64, estimatedUsd: 0.64, jobs: 2 };
const spend = {
  today: { day: '2026-09-14', ...total },
  month: { month: '2026-09', ...total },
  allTime: total,
  days: [{ day: '2026-09-14', ...total }],
  jobs: [
    { jobId: 'job-1', day: '2026-09-14', status: 'charged' as const, estimateUsd: 0.64, chargedUsd: 0.64, differenceUsd: 0, priceAsOf: '2026-09-14' },
    { jobId: 'job-2', day: '2026-09-14', status: 'estimated' as const, estimateUsd: 0.64 },
  ],
  caps: { dailyUsd: 5 },
};
const prices = { asOf: '2026-09-14', source: 'bundled' as const, cells: [{ model: 'veo3.1-fast-official' as const, resolution: '720p' as const, audio: false, perSecondUsd: 0.064 }] };
const held: JobView = {
  ...job,
  id: 'job-2',
  state: 'needs_approval',
  outputs: [],
  estimateUsd: 0.64,
  priceAsOf: '2026-09-14',
  approval: { estimateUsd: 0.64, spentTodayUsd: 4.8, spentMonthUsd: 20, dailyCapUsd: 5, exceeded: ['daily'], heldAt: 1 },
};
const balance = { remainUsd: 10, usedUsd: 1, unlimited: false, demo: false };

const sequence = {
  name: 'Harbour scene',
  revision: REVISION,
  title: 'Harbour',
  clips: [{ ref: 0, file: 'takes/boat.mp4', in: 0.5, out: 2.25, title: 'boat', videoId: 'job-1-0' }],
};

export const VALID_OUTPUTS = {
  'jobs:submit': job,
  'jobs:list': [job],
  'jobs:retry': job,
  'jobs:stop': job,
  'jobs:resume': job,
  'jobs:approve': held,
  'jobs:queueState': queue,
  'jobs:pauseQueue': queue,
  'jobs:resumeQueue': queue,
  'library:query': { total: 1, items: [video] },
  'library:get': video,
  'library:setFavorite': video,
  'library:setTags': video,
  'library:trash': { ok: true, undoMs: 15000 },
  'library:restore': video,
  'library:reveal': { ok: true },
  'library:startDrag': { ok: true },
  'library:savePoster': video,
  'library:posterBacklog': { total: 2, missing: 1, items: [video] },
  'library:folders': folders,
  'library:addFolder': folders,
  'library:chooseFolder': folders,
  'library:removeFolder': folders,
  'frames:import': { frameId: FRAME_ID, mime: 'image/png', bytes: 8, width: 2, height: 2, mediaUrl: 'keyframe-media://frame/x' },
  'settings:get': settings,
  'settings:update': settings,
  'settings:chooseOutputDir': settings,
  'settings:setApiKey': settings,
  'settings:clearApiKey': settings,
  'settings:hasApiKey': { hasApiKey: true },
  'settings:testApiKey': balance,
  'app:version': { version: '1.0.0', platform: 'linux' },
  'app:locale': { locale: 'en-US' },
  'cost:estimate': { usd: 1.536, perSecondUsd: 0.096, seconds: 8, samples: 2, asOf: '2026-09-14', source: 'bundled', isEstimate: true },
  'cost:prices': prices,
  'spend:summary': spend,
  'balance:get': balance,
  'library:lineage': { parentId: 'job-0-0', children: [video], siblings: [] },
  'batch:plan': {
    rows: [{ row: 2, request: { ...fullRequest, prompt: 'a boat' }, errors: [], estimate: { usd: 0.512, perSecondUsd: 0.064, seconds: 8, samples: 1, asOf: '2026-09-14', source: 'bundled' as const, isEstimate: true } }],
    errors: [],
    jobs: 1,
    videos: 1,
    total: { usd: 0.512, isEstimate: true },
    ok: true,
  },
  'batch:queue': batch,
  'batch:list': [batch],
  'batch:pause': { ...batch, state: 'paused' },
  'batch:resume': batch,
  'history:list': { total: 1, items: [{ request: fullRequest, lastUsedAt: 1, uses: 2 }] },
  'sequence:list': { items: [{ name: 'Harbour scene', title: 'Harbour', clips: 2, modifiedAt: 1, damaged: false }] },
  'sequence:get': sequence,
  'sequence:save': sequence,
  'sequence:delete': { ok: true },
  'sequence:plan': {
    exportId: EXPORT_ID,
    method: 'reencode',
    durationS: 3.75,
    reasons: [{ key: 'sequence.reencode.size', params: { index: 2 }, message: 'Clip 2 has another picture size than clip 1.' }],
    clips: [{ file: 'takes/boat.mp4', in: 0.5, out: 2.25, mediaUrl: `keyframe-media://clip/${EXPORT_ID}_0` }],
    target: { width: 1280, height: 720, frameRate: 24, sampleRate: 48000, channels: 2 },
  },
  'sequence:export': { exportId: EXPORT_ID, fileName: 'Harbour scene.mp4' },
  'sequence:cancel': { ok: true },
  'sequence:writeChunk': { bytes: 1036 },
  'sequence:finish': { fileName: 'cut.mp4', sidecarName: 'cut.keyframe-export.json', method: 'reencode', bytes: 1036, durationS: 3.75 },
} satisfies { [C in Channel]: OutputOf<C> };
