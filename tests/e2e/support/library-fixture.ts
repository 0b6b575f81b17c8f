import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { SIDECAR_SCHEMA, type VideoSidecar } from '../../../shared/domain/video.js';

/**
 * A generated library: N sidecars (valid VideoSidecarSchema) in an output
 * folder, every video (and poster) a hardlink of one tiny demo fixture, so
 * 10,000 entries cost ~10,000 small JSON files and no video bytes. Prompts are made from
 * word lists; one rare word appears in exactly `rareCount` of them, so a test
 * knows what a search for it must return.
 */

const REPO = resolve(import.meta.dirname, '..', '..', '..');
export const FIXTURE_MP4 = join(REPO, 'electron', 'core', 'demo', 'fixtures', 'demo-16x9-smptebars.mp4');
export const FIXTURE_POSTER = join(REPO, 'electron', 'core', 'demo', 'fixtures', 'demo-16x9-smptebars.jpg');
/** A 24 fps clip (2 s, 48 frames) whose every frame differs from the next: for frame-accurate checks. */
export const MOVING_MP4 = join(REPO, 'electron', 'core', 'demo', 'fixtures', 'demo-16x9-testsrc2.mp4');

const SUBJECTS = ['a paper boat', 'a red fox', 'an old lighthouse', 'a city tram', 'a glass of water', 'a hot air balloon', 'a violin player', 'a koi pond', 'a desert road', 'a snow owl'];
const ACTIONS = ['drifting slowly', 'in heavy rain', 'at golden hour', 'under neon lights', 'in slow motion', 'seen from above', 'at dawn', 'in fog'];
const STYLES = ['cinematic', 'documentary', 'dreamy pastel', 'film grain', 'hyperreal', 'watercolour'];

export interface LibraryFixture {
  count: number;
  /** A word found in exactly `rareCount` prompts. */
  rareWord: string;
  rareCount: number;
}

export interface FixtureOptions {
  count: number;
  rareWord?: string;
  rareCount?: number;
  /** Cache a poster for every video (as if the grid had made them before), in `<dataDir>/posters`. */
  postersIn?: string;
  /** The MP4 every video is a hardlink of (default: the SMPTE bars fixture). */
  video?: string;
  /** Changes video i's sidecar before it is written (tags, aspect, takes of one job: keep `id` = `<jobId>-<index>`). */
  edit?: (i: number, sidecar: VideoSidecar) => VideoSidecar;
}

/** ext4 refuses a 65,001st hard link to one file (EMLINK): a fresh copy takes over well before. */
const LINKS_PER_COPY = 60_000;

/** Hard links of one file, each new copy of it made as the last one fills up. */
function linker(original: string, copyPrefix: string): (to: string) => void {
  let links = 0;
  let source = '';
  return (to) => {
    if (links % LINKS_PER_COPY === 0) {
      source = `${copyPrefix}${links / LINKS_PER_COPY}${extname(original)}`;
      copyFileSync(original, source);
    }
    linkSync(source, to);
    links += 1;
  };
}

export function writeLibrary(outDir: string, opts: FixtureOptions): LibraryFixture {
  const rareWord = opts.rareWord ?? 'zephyrine';
  const rareCount = opts.rareCount ?? 7;
  mkdirSync(outDir, { recursive: true });
  const linkVideo = linker(opts.video ?? FIXTURE_MP4, join(outDir, '.fixture-'));
  let linkPoster: ((to: string) => void) | undefined;
  if (opts.postersIn) {
    mkdirSync(opts.postersIn, { recursive: true });
    linkPoster = linker(FIXTURE_POSTER, join(opts.postersIn, '.fixture-'));
  }
  const base = Date.UTC(2025, 0, 1);
  const rareEvery = Math.floor(opts.count / rareCount);
  for (let i = 0; i < opts.count; i++) {
    const n = String(i).padStart(5, '0');
    const id = `lib${n}-0`;
    const file = `clip-${n}.mp4`;
    linkVideo(join(outDir, file));
    let prompt = `${SUBJECTS[i % SUBJECTS.length]} ${ACTIONS[Math.floor(i / 10) % ACTIONS.length]}, ${STYLES[Math.floor(i / 80) % STYLES.length]}, take ${i}`;
    if (i % rareEvery === 3 && Math.floor(i / rareEvery) < rareCount) prompt += ` with a ${rareWord} glow`;
    const createdAt = base + i * 60_000;
    const written: VideoSidecar = {
      schema: SIDECAR_SCHEMA,
      id,
      jobId: `lib${n}`,
      index: 0,
      file,
      bytes: 10355,
      provider: 'demo',
      model: i % 3 === 0 ? 'veo3.1-quality-official' : 'veo3.1-fast-official',
      request: {
        model: i % 3 === 0 ? 'veo3.1-quality-official' : 'veo3.1-fast-official',
        prompt,
        negative_prompt: i % 4 === 0 ? 'blurry, text overlays' : undefined,
        duration: ([4, 6, 8] as const)[i % 3] ?? 8,
        aspect_ratio: '16:9',
        resolution: i % 5 === 0 ? '1080p' : '720p',
        sample_count: 1,
        generate_audio: i % 2 === 0,
        person_generation: 'allow_adult',
      },
      body: {},
      taskId: `task_${n}`,
      requestIds: [`req_${n}`],
      seed: i * 7919,
      frames: [],
      cost: { usd: (i % 3 === 0 ? 0.4 : 0.15) * 8 },
      timings: { createdAt, submittedAt: createdAt + 1000, completedAt: createdAt + 60_000, savedAt: createdAt + 61_000 },
      appVersion: '0.1.0',
      user: { favorite: i % 50 === 0, tags: [] },
    };
    const sidecar = opts.edit ? opts.edit(i, written) : written;
    writeFileSync(join(outDir, `clip-${n}.keyframe.json`), JSON.stringify(sidecar));
    linkPoster?.(join(opts.postersIn ?? '', `${sidecar.id}.jpg`));
  }
  return { count: opts.count, rareWord, rareCount };
}
