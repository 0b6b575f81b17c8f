import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The tiny real MP4s (and thumbnails) the fake APIMart server hands out as
 * "generated" videos: one per aspect ratio and duration, so a demo job gets a
 * clip of the shape and length it asked for. They live in the source tree, not next to the compiled
 * module: tsc does not copy binaries into dist/, so the loader walks up from
 * wherever it runs (electron/core/demo or dist/electron/core/demo) until it
 * finds the source folder.
 */

export type DemoAspect = '16:9' | '9:16';
export type DemoDuration = 4 | 6 | 8;

export interface DemoFixture {
  /** Base name, e.g. 'clip-16x9-8s'. */
  readonly name: string;
  /** Absolute path of the MP4. */
  readonly video: string;
  /** Absolute path of its JPEG thumbnail. */
  readonly thumbnail: string;
  readonly aspect: DemoAspect;
  readonly durationS: DemoDuration;
  readonly width: number;
  readonly height: number;
}

/** Relative path of the fixtures folder from the repository root. */
export const FIXTURES_REL_DIR = join('electron', 'core', 'demo', 'fixtures');
/** Used when the source tree cannot be found (e.g. a packaged app). */
export const FIXTURES_ENV_VAR = 'KEYFRAME_DEMO_FIXTURES';

const SHAPES: readonly { aspect: DemoAspect; tag: string; width: number; height: number }[] = [
  { aspect: '16:9', tag: '16x9', width: 320, height: 180 },
  { aspect: '9:16', tag: '9x16', width: 180, height: 320 },
];
/** Longest first: the request's default (8 s, 16:9) is the first fixture. */
const DURATIONS: readonly DemoDuration[] = [8, 6, 4];

/** Keep in step with fixtures/README.md. */
const FIXTURE_LIST: readonly Omit<DemoFixture, 'video' | 'thumbnail'>[] = SHAPES.flatMap(({ tag, ...shape }) =>
  DURATIONS.map((durationS) => ({ name: `clip-${tag}-${durationS}s`, durationS, ...shape })),
);

/**
 * Finds the fixtures folder by walking up from `startDir` (default: this
 * module's folder) until `<dir>/electron/core/demo/fixtures` exists, then falls
 * back to $KEYFRAME_DEMO_FIXTURES. Throws with both places named if neither works.
 */
export function findFixturesDir(
  startDir: string = dirname(fileURLToPath(import.meta.url)),
  env: NodeJS.ProcessEnv = process.env,
): string {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, FIXTURES_REL_DIR);
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fromEnv = env[FIXTURES_ENV_VAR];
  if (fromEnv && existsSync(fromEnv)) return resolve(fromEnv);
  throw new Error(
    `Demo fixtures not found: no ${FIXTURES_REL_DIR} above ${startDir}, and ${FIXTURES_ENV_VAR} is ${fromEnv ? `"${fromEnv}" (missing)` : 'unset'}.`,
  );
}

/** The fixtures with absolute paths, in a stable order (16:9 ones first, longest first). */
export function demoFixtures(dir: string = findFixturesDir()): DemoFixture[] {
  return FIXTURE_LIST.map((f) => ({
    ...f,
    video: join(dir, `${f.name}.mp4`),
    thumbnail: join(dir, `${f.name}.jpg`),
  }));
}

/** The clip of this aspect and duration (one of each is always there). */
export function fixtureFor(fixtures: readonly DemoFixture[], aspect: DemoAspect, durationS: number): DemoFixture {
  const exact = fixtures.find((f) => f.aspect === aspect && f.durationS === durationS);
  const fallback = exact ?? fixtures.find((f) => f.aspect === aspect) ?? fixtures[0];
  if (!fallback) throw new Error('no demo fixtures available');
  return fallback;
}
