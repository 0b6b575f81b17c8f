import { execFileSync } from 'node:child_process';
import { it } from 'vitest';

/**
 * ffmpeg and ffprobe as a second, independent decoder and parser of the files
 * Keyframe writes. Optional on a developer's machine (those tests are skipped,
 * and say so in their name); required where KEYFRAME_REQUIRE_FFMPEG=1 (.ci/run
 * sets it and installs ffmpeg), so CI can never pass by skipping them.
 */

export const hasFfmpeg = ((): boolean => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const required = process.env.KEYFRAME_REQUIRE_FFMPEG === '1';

/** Whether a test's optional ffmpeg checks must run (and fail loudly when ffmpeg is missing). */
export const runFfmpegChecks = hasFfmpeg || required;

/** `it` for a test that needs ffmpeg: run, skipped with a visible reason, or failed when CI requires ffmpeg. */
export function itWithFfmpeg(name: string, fn: () => Promise<void> | void, timeoutMs?: number): void {
  if (hasFfmpeg) it(name, fn, timeoutMs);
  else if (required) it(name, () => {
    throw new Error('ffmpeg/ffprobe not found on PATH, and KEYFRAME_REQUIRE_FFMPEG=1: install ffmpeg (.ci/run does).');
  });
  else it.skip(`${name} [skipped: ffmpeg not installed]`, fn);
}
