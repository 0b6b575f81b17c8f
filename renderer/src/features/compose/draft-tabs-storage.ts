import { z } from 'zod';
import { loadDraft, parseDraft, saveDraft } from './draft-storage';
import { newTabId, type DraftTab } from './draft-tabs';
import { DEFAULT_DRAFT } from './request';

/**
 * The draft tabs in localStorage. Each tab's draft is read through the same
 * check as the single draft (a bad one falls back to the defaults, never
 * half-applied). Before tabs existed there was one draft (draft-storage.ts, v2
 * with its v1 migration): it becomes "Draft 1". The active tab is still written
 * to the single-draft key too, so a build from before tabs opens on it.
 */

export const DRAFT_TABS_KEY = 'keyframe.drafts.v1';
/** More than anyone keeps open; a longer stored list is read up to here. */
export const MAX_STORED_TABS = 50;

const StoredTabsSchema = z.object({
  active: z.string(),
  tabs: z
    .array(z.object({ id: z.string().min(1).max(64), n: z.number().int().min(1).max(9999), draft: z.unknown() }))
    .min(1),
});

export interface StoredTabs {
  tabs: DraftTab[];
  active: string;
}

const single = (): StoredTabs => {
  const id = newTabId();
  return { tabs: [{ id, n: 1, draft: loadDraft() }], active: id };
};

function readTabs(raw: string): StoredTabs | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = StoredTabsSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const seen = new Set<string>();
  const numbers = new Set<number>();
  const tabs: DraftTab[] = [];
  for (const t of parsed.data.tabs.slice(0, MAX_STORED_TABS)) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    let n = t.n;
    while (numbers.has(n)) n += 1;
    numbers.add(n);
    tabs.push({ id: t.id, n, draft: parseDraft(t.draft) ?? DEFAULT_DRAFT });
  }
  const active = seen.has(parsed.data.active) ? parsed.data.active : (tabs[0]?.id ?? '');
  return { tabs, active };
}

export function loadDraftTabs(): StoredTabs {
  let raw: string | null;
  try {
    raw = localStorage.getItem(DRAFT_TABS_KEY);
  } catch {
    return single();
  }
  if (raw !== null) {
    // A damaged list falls back to the single draft, which always mirrors the active tab.
    return readTabs(raw) ?? single();
  }
  const first = single();
  saveDraftTabs(first);
  return first;
}

/** True once the tabs are stored (and the active draft mirrored under the single-draft key). */
export function saveDraftTabs(s: StoredTabs): boolean {
  const activeDraft = s.tabs.find((t) => t.id === s.active)?.draft;
  try {
    localStorage.setItem(DRAFT_TABS_KEY, JSON.stringify({ active: s.active, tabs: s.tabs.map((t) => ({ id: t.id, n: t.n, draft: t.draft })) }));
  } catch {
    // Storage full or disabled: the tabs just won't outlive this page.
    return false;
  }
  if (activeDraft) saveDraft(activeDraft);
  return true;
}
