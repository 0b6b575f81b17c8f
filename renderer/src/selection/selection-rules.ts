/**
 * The one selection's rules, pure. `ids` in the order they were picked,
 * `primary` the one every single-clip action (keys, viewer, details) acts on,
 * `anchor` where a Shift-click range starts (as in every file browser, the
 * last Ctrl-clicked clip, even one just taken out). Invariants: the primary
 * is in ids, or undefined; nothing is ever listed twice.
 */

export interface Selection {
  readonly ids: readonly string[];
  readonly primary: string | undefined;
  readonly anchor: string | undefined;
}

export const NOTHING: Selection = { ids: [], primary: undefined, anchor: undefined };

/** A plain click: that one clip. */
export function only(id: string): Selection {
  return { ids: [id], primary: id, anchor: id };
}

/** Exactly these clips, each once, in this order; `primary` the one keys act on (the first when it is not among them). */
export function many(ids: readonly string[], primary?: string): Selection {
  const unique = [...new Set(ids)];
  const p = primary !== undefined && unique.includes(primary) ? primary : unique[0];
  return { ids: unique, primary: p, anchor: p };
}

/**
 * Ctrl/Cmd-click: adds the clip, or takes it out. Taking out the primary makes the most recently
 * picked one left the primary, so the viewer keeps showing something that is still highlighted.
 */
export function toggled(s: Selection, id: string): Selection {
  if (!s.ids.includes(id)) return { ids: [...s.ids, id], primary: id, anchor: id };
  const ids = s.ids.filter((x) => x !== id);
  return { ids, primary: s.primary === id ? ids.at(-1) : s.primary, anchor: id };
}

/**
 * Shift-click: every clip from the anchor to `id`, in the grid's order; the anchor stays, so a second
 * Shift-click re-draws the range from the same place. With no anchor, or an anchor the grid no longer
 * shows (new filters), it is a plain click.
 */
export function ranged(s: Selection, id: string, orderedIds: readonly string[]): Selection {
  const to = orderedIds.indexOf(id);
  const from = s.anchor === undefined ? -1 : orderedIds.indexOf(s.anchor);
  if (to < 0 || from < 0) return only(id);
  const [a, b] = from <= to ? [from, to] : [to, from];
  return { ids: orderedIds.slice(a, b + 1), primary: id, anchor: s.anchor };
}

/** The selection once `id` is gone (trashed, or found missing): the primary, if it was that, goes too. */
export function without(s: Selection, id: string): Selection {
  if (!s.ids.includes(id) && s.primary !== id) return s;
  const ids = s.ids.filter((x) => x !== id);
  const primary = s.primary === id ? undefined : s.primary;
  const anchor = s.anchor === id ? primary : s.anchor;
  return { ids, primary, anchor };
}
