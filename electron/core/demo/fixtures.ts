import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The tiny real MP4s (and thumbnails) the fake APIMart server hands out as
 * "generated" videos. They live in the source tree, not next to the compiled
 * module: tsc does not copy binaries into dist/, so the loader walks up from
 * wherever it runs (electron/core/demo or dist/electron/core/demo) until it
 * finds the source folder.
 */

export type DemoAspect = '16:9' | '9:16';

export interface DemoFixture {
  /** Base name, e.g. 'demo-16x9-testsrc2'. */
  readonly name: string;
  /** Absolute path of the MP4. */
  readonly video: string;
  /** Absolute path of its JPEG thumbnail. */
  readonly thumbnail: string;
  readonly aspect: DemoAspect;
  readonly width: number;
  readonly height: number;
}

/** Relative path of the fixtures folder from the repository root. */
export const FIXTURES_REL_DIR = join('electron', 'core', 'demo', 'fixtures');
/** Used when the source tree cannot be found (e.g. a packaged app). */
export const FIXTURES_ENV_VAR = 'KEYFRAME_DEMO_FIXTURES';

/** Keep in step with fixtures/README.md. */
const FIXTURE_LIST: readonly Omit<DemoFixture, 'video' | 'thumbnail'>[] = [
  { name: 'demo-16x9-testsrc2', aspect: '16:9', width: 320, height: 180 },
  { name: 'demo-16x9-smptebars', aspect: '16:9', width: 320, height: 180 },
  { name: 'demo-9x16-mandelbrot', aspect: '9:16', width: 180, height: 320 },
];

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

/** The fixtures with absolute paths, in a stable order (16:9 ones first). */
export function demoFixtures(dir: string = findFixturesDir()): DemoFixture[] {
  return FIXTURE_LIST.map((f) => ({
    ...f,
    video: join(dir, `${f.name}.mp4`),
    thumbnail: join(dir, `${f.name}.jpg`),
  }));
}
