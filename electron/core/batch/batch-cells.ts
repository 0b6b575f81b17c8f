import { MODEL_ALIASES, type RequestKey } from '../../../shared/domain/generation.js';

/**
 * A batch row's settings as people write them, turned into what the request
 * schema reads. A CSV cell is always text, so numbers and switches are read
 * from it here; a value that does not read as one is passed on unchanged, and
 * the schema names the problem (never a guess). Every source takes the same
 * shorthands as the command line: `fast`/`quality` for the model, `4k`, and a
 * frame written as a plain path or URL.
 */

/** How a frame written as text becomes a frame reference (a path is relative to the batch file, or not allowed at all). */
export type FrameFromText = (text: string) => unknown;

const NUMBER_FIELDS: readonly RequestKey[] = ['duration', 'seed', 'sample_count'];
const BOOLEAN_FIELDS: readonly RequestKey[] = ['generate_audio', 'enhance_prompt'];
const FRAME_FIELDS: readonly string[] = ['first_frame_image', 'last_frame_image'];

const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0'];

/** Anything with a URL scheme (but not a Windows drive like C:\) is a URL, as on the command line. */
export const looksLikeUrl = (text: string): boolean => /^[a-z][a-z0-9+.-]+:/i.test(text);

/** A CSV cell's text as the value of `key`; an empty cell is no value (the row takes the default). */
export function cellValue(key: string, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if ((NUMBER_FIELDS as readonly string[]).includes(key)) return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  if ((BOOLEAN_FIELDS as readonly string[]).includes(key)) {
    const word = t.toLowerCase();
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    return t;
  }
  // Prompts keep their own spacing inside; the schema trims the ends.
  return key === 'prompt' || key === 'negative_prompt' ? text : t;
}

/** The shorthands every source accepts, applied to one row's settings. */
export function expandShorthands(fields: Readonly<Record<string, unknown>>, frameFromText: FrameFromText): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  if (typeof out.model === 'string' && Object.hasOwn(MODEL_ALIASES, out.model)) out.model = MODEL_ALIASES[out.model];
  if (out.resolution === '4k') out.resolution = '4K';
  for (const key of FRAME_FIELDS) {
    const v = out[key];
    if (typeof v === 'string' && v.trim() !== '') out[key] = frameFromText(v.trim());
  }
  return out;
}
