import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { errnoCode } from '../util/fs-errors.js';
import { sanitizeStem } from '../../../shared/domain/file-name-template.js';

/** Output file names from a user template such as `{date}_{time}_{prompt}`: the pure part lives in shared/ (the renderer previews with it). */
export {
  DEFAULT_NAME_TEMPLATE,
  NAME_TOKENS,
  promptSlug,
  renderFileStem,
  sanitizeStem,
  validateTemplate,
  type NameContext,
} from '../../../shared/domain/file-name-template.js';

/** `x.mp4` → `x.keyframe.json`. */
export function sidecarNameFor(videoFileName: string): string {
  const stem = /\.mp4$/i.test(videoFileName) ? videoFileName.slice(0, -4) : videoFileName.replace(/\.[^.]*$/, '');
  return `${stem}.keyframe.json`;
}

async function absent(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return false;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return true;
    throw err;
  }
}

const MAX_SUFFIX = 10_000;

/**
 * Picks `<stem>.mp4`, else `<stem> (2).mp4`, `(3)`… such that no video, part
 * or sidecar of that name exists and no other in-flight job holds it.
 * `reserved` is compared case-insensitively because macOS and Windows
 * folders are: `A.mp4` and `a.mp4` are the same file there.
 */
export async function allocateFileName(dir: string, stem: string, reserved: ReadonlySet<string>): Promise<string> {
  const taken = new Set([...reserved].map((n) => n.toLowerCase()));
  const base = sanitizeStem(stem);
  for (let n = 1; n <= MAX_SUFFIX; n += 1) {
    const name = n === 1 ? `${base}.mp4` : `${base} (${n}).mp4`;
    if (taken.has(name.toLowerCase())) continue;
    const paths = [name, `${name}.part`, sidecarNameFor(name)].map((p) => join(dir, p));
    if ((await Promise.all(paths.map(absent))).every(Boolean)) return name;
  }
  throw appFailure('io', errorMessage('output.names_used_up', { max: MAX_SUFFIX, base }), { retryable: false });
}
