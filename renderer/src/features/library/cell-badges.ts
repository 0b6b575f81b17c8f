import { facetsOf, modelOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';

/**
 * What a grid cell says over its poster, worked out once per video: length, aspect, model, sound,
 * favourite, tags, and where it sits among its shot's takes. Takes of one prompt look alike, so the
 * take number is what tells them apart; a stack (grouped by shot) says how many takes it holds.
 */

export type ModelKind = 'fast' | 'quality' | 'other';

export interface CellBadges {
  seconds: number;
  /** Absent for a file made elsewhere whose picture is neither 16:9 nor 9:16. */
  aspect?: string;
  model: ModelKind;
  audio: boolean;
  favorite: boolean;
  /** The first tags (as many as fit a badge) and how many more there are. */
  tags: { shown: string[]; more: number };
  /** Set when the shot has more than one take: `take` is this one's number, `of` how many there are. */
  takes?: { take: number | undefined; of: number; stacked: boolean };
}

export const modelKind = (model: string): ModelKind => (/quality/i.test(model) ? 'quality' : /fast/i.test(model) ? 'fast' : 'other');

export function cellBadges(v: VideoView, stacked: boolean, maxTags = 1): CellBadges {
  const of = v.takes ?? 1;
  // A file made elsewhere: what its container says (facetsOf), the same facts the filters compare.
  const facets = facetsOf(v);
  return {
    seconds: facets.seconds,
    ...(facets.aspect ? { aspect: facets.aspect } : {}),
    model: modelKind(modelOf(v) ?? ''),
    audio: facets.audio,
    favorite: v.favorite,
    tags: { shown: v.tags.slice(0, maxTags), more: Math.max(0, v.tags.length - maxTags) },
    ...(of > 1 ? { takes: { take: stacked ? undefined : v.take, of, stacked } } : {}),
  };
}

/** The takes badge: "×4" on a stack, "#2 ×4" on one take of four. */
export function takesText(takes: NonNullable<CellBadges['takes']>): string {
  return takes.take === undefined ? `×${takes.of}` : `#${takes.take} ×${takes.of}`;
}

/** The tags badge: "hero", "hero +2". */
export function tagsText(tags: CellBadges['tags']): string {
  if (tags.shown.length === 0) return '';
  return tags.more > 0 ? `${tags.shown.join(', ')} +${tags.more}` : tags.shown.join(', ');
}
