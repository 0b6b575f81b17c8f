import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { appFailure, errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { describeIssues } from '../../../shared/domain/generation.js';
import { VideoSidecarSchema, type VideoSidecar } from '../../../shared/domain/video.js';
import { writeJsonAtomic } from '../util/atomic-write.js';
import { TAG_MAX_CHARS, TAGS_MAX } from '../../../shared/domain/bounds.js';

/** Sidecars sit beside the user's videos and travel with them: same permissions as the videos (umask applies). */
const SIDECAR_FILE_MODE = { mode: 0o644 };
import { errnoCode } from '../util/fs-errors.js';
import { sidecarNameFor } from './file-naming.js';

/**
 * `<video>.keyframe.json` beside each video: the durable record the library
 * is rebuilt from. Every write is atomic and schema-checked first, so a
 * crash or a bug can never leave a half-written or invalid sidecar behind.
 */

/**
 * Sidecars are a few kB, and the largest one the bounded schema accepts is
 * under 200 KiB: anything bigger is not ours and is not read into memory
 * (the library reads every sidecar of every folder it knows).
 */
export const SIDECAR_MAX_BYTES = 256 * 1024;
export { TAG_MAX_CHARS, TAGS_MAX } from '../../../shared/domain/bounds.js';

function invalid(message: ErrorMessage): AppFailure {
  return appFailure('invalid_request', message, { retryable: false });
}

/** Why a record is damaged, each its own message. */
const DAMAGED = {
  content: 'record.damaged.content',
  folder: 'record.damaged.folder',
  tooLarge: 'record.damaged.too_large',
  json: 'record.damaged.json',
} as const;

function corrupt(path: string, why: keyof typeof DAMAGED, detail?: string): AppFailure {
  return appFailure('corrupt_data', errorMessage(DAMAGED[why], { name: basename(path) }), {
    ...(detail === undefined ? {} : { detail }),
    retryable: false,
  });
}

function validate(value: unknown, path: string): VideoSidecar {
  const parsed = VideoSidecarSchema.safeParse(value);
  if (!parsed.success) throw corrupt(path, 'content', describeIssues(parsed.error).join('\n'));
  // `file` is joined to the sidecar's folder, later opened and maybe trashed:
  // a crafted "../../x" must not point outside that folder.
  if (basename(parsed.data.file) !== parsed.data.file || parsed.data.file === '..') {
    throw corrupt(path, 'folder');
  }
  return parsed.data;
}

/** Writes `<dir>/<video stem>.keyframe.json`; returns the sidecar's file name. */
export async function writeSidecar(dir: string, sidecar: VideoSidecar): Promise<string> {
  const name = sidecarNameFor(sidecar.file);
  const checked = VideoSidecarSchema.safeParse(sidecar);
  if (!checked.success) {
    throw appFailure('internal', errorMessage('record.invalid_save'), { detail: describeIssues(checked.error).join('\n') });
  }
  if (basename(checked.data.file) !== checked.data.file) {
    throw appFailure('internal', errorMessage('record.outside_folder'));
  }
  await writeJsonAtomic(join(dir, name), checked.data, SIDECAR_FILE_MODE);
  return name;
}

export async function readSidecar(path: string): Promise<VideoSidecar> {
  let text: string;
  try {
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      if (size > SIDECAR_MAX_BYTES) throw corrupt(path, 'tooLarge');
      text = await fh.readFile('utf8');
    } finally {
      await fh.close();
    }
  } catch (err) {
    if (err instanceof AppFailure) throw err;
    const code = errnoCode(err);
    throw appFailure(code === 'ENOENT' ? 'not_found' : 'io', errorMessage('record.unreadable', { name: basename(path) }), {
      ...(code === undefined ? {} : { detail: code }),
      retryable: false,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw corrupt(path, 'json', err instanceof Error ? err.message : undefined);
  }
  return validate(json, path);
}

/** Trimmed, empty ones dropped, duplicates (ignoring case) dropped keeping the first spelling. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').trim();
    if (tag === '') continue;
    if (/\p{Cc}/u.test(tag)) throw invalid(errorMessage('tag.control_chars', { tag }));
    if ([...tag].length > TAG_MAX_CHARS) throw invalid(errorMessage('tag.too_long', { tag, max: TAG_MAX_CHARS }));
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  if (out.length > TAGS_MAX) throw invalid(errorMessage('tag.too_many', { max: TAGS_MAX }));
  return out;
}

// Read-modify-write of one sidecar must not interleave with another on the
// same file (a quick favorite + tag edit would lose one of them).
const locks = new Map<string, Promise<unknown>>();

async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(path) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  const settled = next.catch(() => undefined);
  locks.set(path, settled);
  try {
    return await next;
  } finally {
    if (locks.get(path) === settled) locks.delete(path);
  }
}

/** Updates the user part (favorite, tags) of a sidecar; returns the new sidecar. */
export async function updateSidecarUser(
  path: string,
  patch: { favorite?: boolean; tags?: string[] },
): Promise<VideoSidecar> {
  const tags = patch.tags === undefined ? undefined : normalizeTags(patch.tags);
  return withFileLock(path, async () => {
    const current = await readSidecar(path);
    const next: VideoSidecar = {
      ...current,
      user: {
        favorite: patch.favorite ?? current.user.favorite,
        tags: tags ?? current.user.tags,
      },
    };
    await writeJsonAtomic(path, VideoSidecarSchema.parse(next), SIDECAR_FILE_MODE);
    return next;
  });
}
