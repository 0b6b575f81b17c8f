import { EMBEDDED_PROMPT_MAX, type EmbeddedProvenance } from '../../../shared/domain/bare-video.js';
import { PROVIDER_ID_MAX, SHORT_TEXT_MAX } from '../../../shared/domain/bounds.js';

/**
 * Reads back the provenance Keyframe writes into its own MP4s, for a video
 * whose sidecar is missing. Keyframe writes it three ways at once, so that
 * any one surviving an editor or a re-mux is enough: the title (`©nam`) is
 * the prompt, the comment (`©cmt`) a JSON object marked `"keyframe": 1`, and
 * QuickTime `mdta` keys `com.keyframe.*`. A file with neither the marked
 * comment nor a `com.keyframe.` key was not made by Keyframe, and its title
 * is not taken for a prompt.
 */

/** The tags as the demuxer gives them (mediabunny's MetadataTags, reduced to what is read here). */
export interface MetadataTagsLike {
  title?: string;
  comment?: string;
  raw?: Record<string, unknown>;
}

const KEY_PREFIX = 'com.keyframe.';
type Field = keyof EmbeddedProvenance;
/** Each field under its camelCase name and the snake_case spelling a writer might choose. */
const KEY_NAMES: Record<Field, readonly string[]> = {
  prompt: ['prompt'],
  model: ['model'],
  seed: ['seed'],
  taskId: ['taskId', 'task_id'],
  appVersion: ['appVersion', 'app_version'],
};
const MAX: Record<Exclude<Field, 'seed'>, number> = { prompt: EMBEDDED_PROMPT_MAX, model: SHORT_TEXT_MAX, taskId: PROVIDER_ID_MAX, appVersion: SHORT_TEXT_MAX };

function commentObject(comment: string | undefined): Record<string, unknown> | undefined {
  if (comment === undefined || !comment.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(comment);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && (parsed as Record<string, unknown>).keyframe === 1) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // A comment that is not JSON is someone's note, not Keyframe's record.
  }
  return undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t.slice(0, max);
}

function seedOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

function pick(sources: ReadonlyArray<(name: string) => unknown>, field: Field): unknown {
  for (const source of sources) {
    for (const name of KEY_NAMES[field]) {
      const v = source(name);
      if (v !== undefined && v !== null && v !== '') return v;
    }
  }
  return undefined;
}

/** The provenance in a video's tags, or undefined when Keyframe did not write any. */
export function provenanceFromTags(tags: MetadataTagsLike): EmbeddedProvenance | undefined {
  const fromComment = commentObject(tags.comment);
  const raw = tags.raw ?? {};
  const hasKeys = Object.keys(raw).some((k) => k.startsWith(KEY_PREFIX));
  if (!fromComment && !hasKeys) return undefined;
  // The mdta keys first: they hold each field on its own, where a comment may have been cut by an editor.
  const sources = [(name: string) => raw[`${KEY_PREFIX}${name}`], (name: string) => fromComment?.[name]];
  const out: EmbeddedProvenance = {};
  for (const field of ['prompt', 'model', 'taskId', 'appVersion'] as const) {
    const v = text(pick(sources, field), MAX[field]) ?? (field === 'prompt' ? text(tags.title, MAX.prompt) : undefined);
    if (v !== undefined) out[field] = v;
  }
  const seed = seedOf(pick(sources, 'seed'));
  if (seed !== undefined) out.seed = seed;
  return out;
}
