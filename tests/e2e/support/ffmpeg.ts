import { execFileSync } from 'node:child_process';

/**
 * Whether a spec's extra ffmpeg checks run: when ffmpeg is installed, or when
 * KEYFRAME_REQUIRE_FFMPEG=1 (.ci/run) — then a missing ffmpeg fails the check
 * instead of quietly skipping it.
 */
export function runFfmpegChecks(): boolean {
  if (process.env.KEYFRAME_REQUIRE_FFMPEG === '1') return true;
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
