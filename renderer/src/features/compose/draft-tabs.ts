import { DRAFT_FIELDS, type Draft } from './draft';

/**
 * Draft tabs ("Draft 1 · Draft 2 · +") as pure state changes, so nothing a person
 * wrote is ever overwritten: "Reuse settings" opens a new tab (or fills a blank
 * one), and every close, open or replace leaves an undo entry that brings the
 * earlier draft back. The draft being edited lives in the compose store's flat
 * fields (`live`); each function takes it and returns it, possibly another one.
 */

export interface DraftTab {
  id: string;
  /** The number in its name ("Draft 2"); kept for the tab's life, so names do not shift when another closes. */
  n: number;
  draft: Draft;
}

export type DraftUndo =
  | { kind: 'closed'; tab: DraftTab; index: number }
  /** `draft` is what the tab opened with: undoing removes the tab only if it was not edited since. */
  | { kind: 'opened'; tabId: string; draft: Draft; before: string }
  /** `draft` is what was there before, `with` what replaced it. */
  | { kind: 'replaced'; tabId: string; draft: Draft; with: Draft };

export interface TabsState {
  tabs: DraftTab[];
  active: string;
  undo: DraftUndo[];
}

export interface TabsChange extends TabsState {
  /** The draft to edit now (the active tab's). */
  live: Draft;
}

/** Enough for a long session; the oldest undo entries go first. */
export const UNDO_LIMIT = 30;

let counter = 0;
export function newTabId(): string {
  counter += 1;
  return `d${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** The smallest number no open tab uses. */
export function nextNumber(tabs: readonly DraftTab[]): number {
  const used = new Set(tabs.map((t) => t.n));
  let n = 1;
  while (used.has(n)) n += 1;
  return n;
}

/** Nothing typed and no frame: replacing it loses nothing worth a tab of its own. */
export function isBlank(d: Draft): boolean {
  return d.prompt.trim() === '' && d.negative_prompt.trim() === '' && !d.first && !d.last;
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return DRAFT_FIELDS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** The tabs with the active one holding the live draft. */
export function withLive(s: Pick<TabsState, 'tabs' | 'active'>, live: Draft): DraftTab[] {
  return s.tabs.map((t) => (t.id === s.active ? { ...t, draft: live } : t));
}

const pushUndo = (undo: readonly DraftUndo[], entry: DraftUndo): DraftUndo[] => [...undo, entry].slice(-UNDO_LIMIT);

function draftOf(tabs: readonly DraftTab[], id: string): Draft | undefined {
  return tabs.find((t) => t.id === id)?.draft;
}

export function openTab(s: TabsState, live: Draft, draft: Draft, id = newTabId()): TabsChange {
  const tabs = withLive(s, live);
  const tab: DraftTab = { id, n: nextNumber(tabs), draft };
  const at = tabs.findIndex((t) => t.id === s.active) + 1;
  return {
    tabs: [...tabs.slice(0, at), tab, ...tabs.slice(at)],
    active: id,
    undo: pushUndo(s.undo, { kind: 'opened', tabId: id, draft, before: s.active }),
    live: draft,
  };
}

export function replaceActive(s: TabsState, live: Draft, draft: Draft): TabsChange {
  return {
    tabs: withLive(s, draft),
    active: s.active,
    undo: pushUndo(s.undo, { kind: 'replaced', tabId: s.active, draft: live, with: draft }),
    live: draft,
  };
}

/** "Reuse settings": a blank draft is filled in place; anything else keeps its tab and the settings get a new one. */
export function reuseInto(s: TabsState, live: Draft, draft: Draft): TabsChange {
  return isBlank(live) ? replaceActive(s, live, draft) : openTab(s, live, draft);
}

export function switchTab(s: TabsState, live: Draft, id: string): TabsChange | undefined {
  if (id === s.active) return undefined;
  const tabs = withLive(s, live);
  const draft = draftOf(tabs, id);
  return draft ? { tabs, active: id, undo: s.undo, live: draft } : undefined;
}

/** Closes a tab (never the last one); the neighbour to its left becomes active when it was. */
export function closeTab(s: TabsState, live: Draft, id: string): TabsChange | undefined {
  const tabs = withLive(s, live);
  const index = tabs.findIndex((t) => t.id === id);
  const tab = tabs[index];
  if (!tab || tabs.length < 2) return undefined;
  const rest = tabs.filter((t) => t.id !== id);
  const active = id === s.active ? (rest[Math.max(0, index - 1)]?.id ?? s.active) : s.active;
  return { tabs: rest, active, undo: pushUndo(s.undo, { kind: 'closed', tab, index }), live: draftOf(rest, active) ?? live };
}

/** Brings back what the last close, open or replace took away; undefined when there is nothing to undo. */
export function undoLast(s: TabsState, live: Draft): TabsChange | undefined {
  const entry = s.undo[s.undo.length - 1];
  if (!entry) return undefined;
  const undo = s.undo.slice(0, -1);
  const tabs = withLive(s, live);
  switch (entry.kind) {
    case 'closed': {
      const at = Math.min(entry.index, tabs.length);
      // Its number may have been taken by a tab opened since: it then gets a free one.
      const n = tabs.some((t) => t.n === entry.tab.n) ? nextNumber(tabs) : entry.tab.n;
      const tab = { ...entry.tab, n };
      return { tabs: [...tabs.slice(0, at), tab, ...tabs.slice(at)], active: tab.id, undo, live: tab.draft };
    }
    case 'opened': {
      const opened = draftOf(tabs, entry.tabId);
      const back = draftOf(tabs, entry.before) ? entry.before : tabs.find((t) => t.id !== entry.tabId)?.id;
      if (!back) return { tabs, active: s.active, undo, live };
      // Edited since it opened: that is the person's work, so it stays; only the earlier draft comes back to the front.
      const keep = opened !== undefined && !sameDraft(opened, entry.draft);
      const rest = keep || tabs.length < 2 ? tabs : tabs.filter((t) => t.id !== entry.tabId);
      return { tabs: rest, active: back, undo, live: draftOf(rest, back) ?? live };
    }
    case 'replaced': {
      const now = draftOf(tabs, entry.tabId);
      if (!now) return { tabs, active: s.active, undo, live };
      const restored = tabs.map((t) => (t.id === entry.tabId ? { ...t, draft: entry.draft } : t));
      // Edited since the replace: those edits move to a tab of their own beside it instead of vanishing.
      if (!sameDraft(now, entry.with)) {
        const at = restored.findIndex((t) => t.id === entry.tabId) + 1;
        restored.splice(at, 0, { id: newTabId(), n: nextNumber(restored), draft: now });
      }
      return { tabs: restored, active: entry.tabId, undo, live: entry.draft };
    }
  }
}
