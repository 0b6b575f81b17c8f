import { SEQUENCE_SCHEMA, type SequenceClip, type SequenceClipEdit, type SequenceDocument } from '../../../shared/domain/sequence.js';

/**
 * Applies the page's edit (the known fields only: it never sees the rest) to
 * the document as stored, keeping every field Keyframe does not know: those
 * at the top, and each clip's own, found again through the clip's `ref` (its
 * index in the stored document). A field Keyframe knows is the edit's alone:
 * an in-point removed in the edit is removed from the file.
 */

export interface SequenceEdit {
  title?: string | undefined;
  clips: readonly SequenceClipEdit[];
}

const KNOWN_CLIP_KEYS = new Set(['file', 'in', 'out', 'title']);
const KNOWN_TOP_KEYS = new Set(['schema', 'title', 'clips']);

export function applySequenceEdit(stored: SequenceDocument | undefined, edit: SequenceEdit): SequenceDocument {
  const kept = stored ? unknownFields(stored, KNOWN_TOP_KEYS) : {};
  const clips = edit.clips.map((clip): SequenceClip => {
    const { ref, videoId: _videoId, ...known } = clip;
    const before = ref === undefined ? undefined : stored?.clips[ref];
    return { ...(before ? unknownFields(before, KNOWN_CLIP_KEYS) : {}), ...definedOnly(known) } as SequenceClip;
  });
  return { ...kept, schema: SEQUENCE_SCHEMA, ...(edit.title === undefined ? {} : { title: edit.title }), clips };
}

function unknownFields(record: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !known.has(k)));
}

function definedOnly<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}
