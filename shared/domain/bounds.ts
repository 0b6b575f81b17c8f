import { z } from 'zod';

/**
 * Length bounds for the records Keyframe reads back from disk (the job
 * journal, the sidecars beside the videos, the library cache). Those files
 * can be edited or crafted by anyone who can write the folder, and every
 * string in them ends up in memory, in replies to the page and in the log: a
 * single megabyte-long field repeated across a library page was enough to
 * exhaust the host. Each bound is far above anything Keyframe writes itself.
 */

/** Job ids, video ids, idempotency keys: Keyframe's own ids are under 100 characters. */
export const ID_MAX = 128;
/** Task and request ids as the provider sends them (tens of characters in practice). */
export const PROVIDER_ID_MAX = 256;
/** Frame and result links; signed links run to a couple of thousand characters. */
export const URL_MAX = 4096;
/** Local paths (PATH_MAX on Linux is 4096 bytes). */
export const PATH_MAX = 4096;
/** Model names, statuses, content types, versions, hashes. */
export const SHORT_TEXT_MAX = 200;
/** Request ids kept per job; the queue keeps the newest 20 polls plus the submit. */
export const REQUEST_IDS_MAX = 64;
/** Output files per job: the request's sample_count is at most 4. */
export const OUTPUTS_MAX = 4;
/** Input frames per job: a first and a last. */
export const FRAMES_MAX = 2;
/** Tags per video, and characters (code points) per tag. */
export const TAGS_MAX = 20;
export const TAG_MAX_CHARS = 40;
/** A file name template; the settings allow 200 characters, the journal keeps whatever a job was given. */
export const NAME_TEMPLATE_MAX = 1000;
/** A file name on common file systems is at most 255 bytes. */
export const FILE_NAME_MAX = 255;
/**
 * The exact request body: about a dozen fields. At their bounds (a 4000- and
 * a 2000-character prompt in three-byte characters, two 4096-character
 * links) they come to under 30 KiB of JSON.
 */
export const BODY_MAX_KEYS = 32;
export const BODY_MAX_JSON_BYTES = 48 * 1024;

/** A string of at most `max` UTF-16 units whose error names the field. */
export function boundedText(label: string, max: number) {
  return z.string({ error: `${label} must be text.` }).max(max, `${label} is too long (${max} characters at most).`);
}

/** A list of at most `max` items whose error names the field. */
export function boundedList<T extends z.ZodType>(label: string, item: T, max: number) {
  return z.array(item).max(max, `${label} has too many entries (${max} at most).`);
}

/**
 * A plain file name in the folder it is joined to: no folder part (`/` or
 * `\`), no NUL, and no leading dot, which also rules out `.` and `..`. The
 * journal and the sidecars name files this way and Keyframe later writes,
 * opens and trashes them: a crafted `../outside/x.mp4` must not reach outside
 * the output folder. Keyframe's own names never start with a dot (the stem
 * sanitiser strips leading dots, which hide files on Unix), so a name that
 * does is not one it wrote.
 */
export function plainFileName(label: string) {
  return boundedText(label, FILE_NAME_MAX)
    .min(1, `${label} is empty.`)
    .refine((s) => !/[/\\]/.test(s), `${label} must be a plain file name, without a folder.`)
    .refine((s) => !s.includes('\0'), `${label} contains a NUL character.`)
    .refine((s) => !s.startsWith('.'), `${label} must not start with a dot.`);
}
export const PlainFileNameSchema = plainFileName('File name');

/**
 * The exact JSON body sent to the provider, kept verbatim: bounded by key
 * count and by its serialised size rather than field by field, because it is
 * a record of what was sent, whatever shape that was.
 */
export function boundedBody(label: string) {
  return z
    .record(z.string(), z.unknown())
    .refine((b) => Object.keys(b).length <= BODY_MAX_KEYS, `${label} has too many fields (${BODY_MAX_KEYS} at most).`)
    .refine((b) => utf8Bytes(JSON.stringify(b)) <= BODY_MAX_JSON_BYTES, `${label} is too large (${BODY_MAX_JSON_BYTES / 1024} KiB of JSON at most).`);
}

function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}
