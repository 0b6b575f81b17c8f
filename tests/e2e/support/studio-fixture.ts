import { copyFileSync, existsSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GenerationRequestSchema, type AspectRatio } from '../../../shared/domain/generation.js';
import { JobSchema, type Job } from '../../../shared/domain/job.js';
import { SIDECAR_SCHEMA, type VideoSidecar } from '../../../shared/domain/video.js';

/**
 * A Studio that has been used for a while: finished jobs in the journal
 * (`<data>/jobs/`), each take saved in the output folder as the demo clip of
 * its shape and length (hardlinks, so 200 takes cost no video bytes) with its
 * sidecar, and — as if the feed had shown them before — a cached poster per
 * take. The host starts over them and the feed shows every job as done.
 */

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'demo', 'fixtures');
const PROMPTS = [
  'A paper boat drifting down a rainy street, cinematic',
  'Drone shot over a misty pine forest at dawn, slow descent',
  'Neon-lit ramen stall in the rain, handheld, shallow focus',
  'Lanterns rising over a dark lake, slow pan',
  'Macro shot of ink blooming in water, black background',
  'A cyclist crossing a bridge at golden hour, tracking shot',
  'Waves rolling onto a black sand beach, aerial',
];
/** Takes per job, in turn: a feed mixes single takes with ×2, ×3 and ×4 jobs. */
const TAKES_CYCLE = [1, 2, 4, 3] as const;
const DURATIONS = [4, 6, 8] as const;

export interface StudioFixture {
  jobs: number;
  takes: number;
}

export interface StudioFixtureOptions {
  /** Finished takes in all (the last job is cut short to hit it exactly). */
  takes: number;
  /** Cache a poster for every take in `<data>/posters` (default true). */
  posters?: boolean;
  now?: number;
}

function clipFor(outDir: string, aspect: AspectRatio, duration: number): string {
  const name = `clip-${aspect === '9:16' ? '9x16' : '16x9'}-${duration}s`;
  const source = join(outDir, `.${name}.mp4`);
  if (!existsSync(source)) copyFileSync(join(FIXTURES, `${name}.mp4`), source);
  return name;
}

export function writeFinishedJobs(dataDir: string, outDir: string, opts: StudioFixtureOptions): StudioFixture {
  const now = opts.now ?? Date.now();
  const jobsDir = join(dataDir, 'jobs');
  const postersDir = join(dataDir, 'posters');
  mkdirSync(jobsDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  if (opts.posters !== false) mkdirSync(postersDir, { recursive: true });
  let written = 0;
  let j = 0;
  for (; written < opts.takes; j++) {
    const n = String(j).padStart(4, '0');
    const id = `studio-${n}`;
    const takes = Math.min(TAKES_CYCLE[j % TAKES_CYCLE.length] ?? 1, opts.takes - written);
    const aspect: AspectRatio = j % 5 === 4 ? '9:16' : '16:9';
    const duration = DURATIONS[j % DURATIONS.length] ?? 8;
    const clip = clipFor(outDir, aspect, duration);
    const request = GenerationRequestSchema.parse({
      prompt: `${PROMPTS[j % PROMPTS.length]}, take ${j}`,
      model: j % 3 === 0 ? 'veo3.1-quality-official' : 'veo3.1-fast-official',
      duration,
      aspect_ratio: aspect,
      sample_count: takes,
    });
    // Newest last in the journal; ten minutes apart, ending a minute ago.
    const createdAt = now - (opts.takes - written) * 600_000;
    const outputs = Array.from({ length: takes }, (_, index) => {
      const stem = `${id}-${index + 1}`;
      const videoId = `${id}-${index}`;
      linkSync(join(outDir, `.${clip}.mp4`), join(outDir, `${stem}.mp4`));
      const sidecar: VideoSidecar = {
        schema: SIDECAR_SCHEMA,
        id: videoId,
        jobId: id,
        index,
        file: `${stem}.mp4`,
        bytes: 0,
        provider: 'demo',
        model: request.model,
        request,
        body: {},
        taskId: `task-${id}`,
        requestIds: [],
        frames: [],
        cost: {},
        timings: { createdAt, submittedAt: createdAt + 1000, completedAt: createdAt + 60_000, savedAt: createdAt + 61_000 },
        appVersion: '0.1.0',
        user: { favorite: false, tags: [] },
      };
      writeFileSync(join(outDir, `${stem}.keyframe.json`), JSON.stringify(sidecar));
      if (opts.posters !== false) copyFileSync(join(FIXTURES, `${clip}.jpg`), join(postersDir, `${videoId}.jpg`));
      return { index, fileName: `${stem}.mp4`, bytesDone: 0, saved: true, sidecarName: `${stem}.keyframe.json` };
    });
    const job: Job = JobSchema.parse({
      schema: 'keyframe.job/1',
      id,
      provider: 'demo',
      createdAt,
      updatedAt: createdAt + 61_000,
      state: 'done',
      request,
      idempotencyKey: `idem-${id}`,
      frames: [],
      outputDir: outDir,
      nameTemplate: '{prompt}',
      taskId: `task-${id}`,
      requestIds: [],
      submittedAt: createdAt + 1000,
      completedAt: createdAt + 60_000,
      outputs,
      appVersion: '0.1.0',
    });
    writeFileSync(join(jobsDir, `${id}.json`), JSON.stringify(job));
    written += takes;
  }
  return { jobs: j, takes: written };
}
