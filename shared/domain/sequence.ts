import { z } from 'zod';
import { PATH_MAX, SHORT_TEXT_MAX, boundedList, boundedText } from './bounds.js';

/**
 * A sequence: takes put in order and trimmed, saved in the library folder as
 * `<name>.keyframe-sequence.json` and exported as one MP4. Other tools write
 * these files too, so the minimal form loads:
 *
 *   {"schema":"keyframe.sequence/1","clips":[{"file":"a.mp4","in":0,"out":1.5}]}
 *
 * and every field Keyframe does not know (at the top and in each clip) is kept
 * when the file is read and written back (loose objects). `file` is relative
 * to the sequence file's folder; `in`/`out` are seconds into that clip, the
 * whole clip when left out.
 */
export const SEQUENCE_SCHEMA = 'keyframe.sequence/1';
export const SEQUENCE_FILE_SUFFIX = '.keyframe-sequence.json';

/** Far above any storyboard a person builds; a crafted file with a million clips is refused. */
export const SEQUENCE_CLIPS_MAX = 500;
/** A sequence file is a few kB; one larger than this is not read into memory. */
export const SEQUENCE_FILE_MAX_BYTES = 1024 * 1024;
/** A sequence name becomes a file name: `<name>.keyframe-sequence.json` must fit in 255 bytes. */
export const SEQUENCE_NAME_MAX = 120;
/** Longer than any Veo clip by far; a trim point beyond it is a typo, not a take. */
export const TRIM_SECONDS_MAX = 24 * 3600;

/**
 * Why a clip path is refused, or undefined when it is a plain relative path
 * inside the sequence's folder tree: `/`-separated segments, none empty, `.`
 * or `..`, no drive or root, no backslash (a Windows path would mean another
 * file on another system), no NUL or control characters. The file is opened
 * and read by the export, so a crafted `../../secret` must never reach out.
 */
export function clipPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'empty';
  if (/\p{Cc}/u.test(path)) return 'control characters';
  if (path.includes('\\')) return 'a backslash (use /)';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'an absolute path';
  for (const segment of path.split('/')) {
    if (segment === '') return 'an empty folder name';
    if (segment === '.' || segment === '..') return 'a "." or ".." folder';
  }
  return undefined;
}

export const ClipPathSchema = boundedText('Clip file', PATH_MAX).superRefine((path, ctx) => {
  const problem = clipPathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: `Clip file must be a relative path inside the sequence's folder (it has ${problem}).` });
});

const seconds = (label: string) =>
  z.number({ error: `${label} must be a number of seconds.` }).finite().min(0, `${label} must not be negative.`).max(TRIM_SECONDS_MAX, `${label} is too large.`);

const clipShape = {
  file: ClipPathSchema,
  in: seconds('In point').optional(),
  out: seconds('Out point').optional(),
  title: boundedText('Clip title', SHORT_TEXT_MAX).optional(),
};

const inBeforeOut = (c: { in?: number | undefined; out?: number | undefined }) => c.in === undefined || c.out === undefined || c.in < c.out;
const IN_BEFORE_OUT = { message: 'The out point must come after the in point.', path: ['out'] };

/** One clip as stored: unknown fields are kept (another tool's notes travel with the clip). */
export const SequenceClipSchema = z.looseObject(clipShape).refine(inBeforeOut, IN_BEFORE_OUT);
export type SequenceClip = z.infer<typeof SequenceClipSchema>;

export const SequenceDocumentSchema = z.looseObject({
  schema: z.literal(SEQUENCE_SCHEMA),
  title: boundedText('Sequence title', SHORT_TEXT_MAX).optional(),
  clips: boundedList('Clips', SequenceClipSchema, SEQUENCE_CLIPS_MAX),
});
export type SequenceDocument = z.infer<typeof SequenceDocumentSchema>;

/** The known part of a clip, as the page edits it (strict: the page sends nothing else). */
export const SequenceClipEditSchema = z.strictObject({
  ...clipShape,
  /** The clip's index in the document as last read (`SequenceView.clips[i].ref`): its unknown fields are kept. */
  ref: z.number().int().min(0).max(SEQUENCE_CLIPS_MAX - 1).optional(),
  /**
   * The library video the clip is: main writes its path relative to the sequence's folder (a video in a
   * subfolder is `sub/a.mp4`, not its bare file name) and refuses one that lives outside that folder.
   */
  videoId: z.string().min(1).max(120).regex(/^[A-Za-z0-9_-]+$/).optional(),
}).refine(inBeforeOut, IN_BEFORE_OUT);
export type SequenceClipEdit = z.infer<typeof SequenceClipEditSchema>;

/**
 * A sequence name: the stem of its file in the library folder. Plain (no
 * folder, no leading dot, no characters Windows refuses in a file name), so
 * `<name>.keyframe-sequence.json` is always a file of that folder.
 */
export const SequenceNameSchema = z
  .string()
  .min(1, 'A sequence name is empty.')
  .max(SEQUENCE_NAME_MAX, `A sequence name is at most ${SEQUENCE_NAME_MAX} characters.`)
  .refine((s) => !/[<>:"/\\|?*]|\p{Cc}/u.test(s), 'A sequence name cannot contain / \\ : * ? " < > | or control characters.')
  .refine((s) => !s.startsWith('.') && s.trim() === s && !s.endsWith('.'), 'A sequence name cannot start or end with a dot or a space.');

export const sequenceFileName = (name: string): string => `${name}${SEQUENCE_FILE_SUFFIX}`;

/** The name of a sequence file, or undefined when the file is not one. */
export function sequenceNameOf(fileName: string): string | undefined {
  if (!fileName.endsWith(SEQUENCE_FILE_SUFFIX)) return undefined;
  const name = fileName.slice(0, -SEQUENCE_FILE_SUFFIX.length);
  return SequenceNameSchema.safeParse(name).success ? name : undefined;
}

/**
 * The record written beside an exported MP4 (`<name>.keyframe-export.json`):
 * which sequence it came from and every source clip with its trim, so a file
 * sent on without its sequence still says how it was made. Its own suffix:
 * the library reads every `*.keyframe.json` as a video sidecar.
 */
export const EXPORT_SIDECAR_SCHEMA = 'keyframe.export/1';
export const EXPORT_SIDECAR_SUFFIX = '.keyframe-export.json';

/** A path as recorded, relative to the record's folder (`../clips/a.mp4` when the export was saved elsewhere): never opened from here. */
const RecordedPathSchema = boundedText('Path', PATH_MAX).min(1);

/** How a source was generated: from its sidecar, or read back from the MP4's own metadata when the sidecar is missing. */
export const SourceGenerationSchema = z.object({
  from: z.enum(['sidecar', 'mp4']),
  prompt: boundedText('Prompt', 20_000),
  model: boundedText('Model', SHORT_TEXT_MAX),
  seed: z.number().int().optional(),
  taskId: boundedText('Task id', SHORT_TEXT_MAX),
});
export type SourceGeneration = z.infer<typeof SourceGenerationSchema>;

export const ExportSourceSchema = z.object({
  file: RecordedPathSchema,
  in: z.number().finite().nonnegative(),
  out: z.number().finite().nonnegative(),
  title: boundedText('Clip title', SHORT_TEXT_MAX).optional(),
  bytes: z.number().int().nonnegative(),
  sha256: boundedText('Clip hash', SHORT_TEXT_MAX),
  generation: SourceGenerationSchema.optional(),
});
export type ExportSource = z.infer<typeof ExportSourceSchema>;

export const ExportSidecarSchema = z.looseObject({
  schema: z.literal(EXPORT_SIDECAR_SCHEMA),
  /** The MP4, in the sidecar's own folder. */
  file: boundedText('Export file', 255).refine((f) => !/[/\\]/.test(f) && !f.startsWith('.'), 'Export file must be a plain file name.'),
  bytes: z.number().int().nonnegative(),
  sha256: boundedText('Export hash', SHORT_TEXT_MAX),
  durationS: z.number().finite().nonnegative(),
  /** `copy`: packets joined as they were (no quality lost); `reencode`: decoded and encoded again. */
  method: z.enum(['copy', 'reencode']),
  createdAt: z.number(),
  appVersion: boundedText('App version', SHORT_TEXT_MAX),
  sequence: z.object({
    /** The sequence file, relative to the sidecar's folder. */
    file: RecordedPathSchema,
    title: boundedText('Sequence title', SHORT_TEXT_MAX).optional(),
    sha256: boundedText('Sequence hash', SHORT_TEXT_MAX),
  }),
  /** Paths relative to the sidecar's folder, in order, with the trims used. */
  sources: boundedList('Sources', ExportSourceSchema, SEQUENCE_CLIPS_MAX),
});
export type ExportSidecar = z.infer<typeof ExportSidecarSchema>;
