import { describe, expect, it } from 'vitest';
import {
  closeTab,
  isBlank,
  nextNumber,
  openTab,
  reuseInto,
  switchTab,
  UNDO_LIMIT,
  undoLast,
  type DraftTab,
  type TabsState,
} from '../../../renderer/src/features/compose/draft-tabs.js';
import { DEFAULT_DRAFT } from '../../../renderer/src/features/compose/request.js';
import { draftWith, FRAME_A, FULL_DRAFT, storedFrame } from './support/compose-samples.js';

/** Draft tabs as pure state changes: nothing written is overwritten, and every close, open or replace can be undone. */

const tab = (id: string, n: number, prompt: string): DraftTab => ({ id, n, draft: draftWith({ prompt }) });
const start = (...tabs: DraftTab[]): TabsState => ({ tabs, active: tabs[0]?.id ?? '', undo: [] });
const prompts = (s: { tabs: DraftTab[] }): string[] => s.tabs.map((t) => t.draft.prompt);

describe('isBlank', () => {
  it('is true only with no words and no frames', () => {
    expect(isBlank(DEFAULT_DRAFT)).toBe(true);
    expect(isBlank(draftWith({ prompt: '   ', model: 'veo3.1-quality-official' }))).toBe(true);
    expect(isBlank(draftWith({ prompt: 'a fox' }))).toBe(false);
    expect(isBlank(draftWith({ negative_prompt: 'blur' }))).toBe(false);
    expect(isBlank(draftWith({ first: storedFrame(FRAME_A) }))).toBe(false);
  });
});

describe('nextNumber', () => {
  it('takes the smallest number no tab uses', () => {
    expect(nextNumber([])).toBe(1);
    expect(nextNumber([tab('a', 1, ''), tab('c', 3, '')])).toBe(2);
    expect(nextNumber([tab('a', 1, ''), tab('b', 2, '')])).toBe(3);
  });
});

describe('reuseInto', () => {
  it('opens a new tab beside the current one when the current draft has words, keeping them', () => {
    const s = start(tab('a', 1, 'old words'), tab('b', 2, 'other'));
    const live = draftWith({ prompt: 'typed since' });
    const next = reuseInto(s, live, FULL_DRAFT);
    expect(next.live).toEqual(FULL_DRAFT);
    expect(next.tabs.map((t) => t.n)).toEqual([1, 3, 2]);
    expect(prompts(next)).toEqual(['typed since', FULL_DRAFT.prompt, 'other']);
    expect(next.active).toBe(next.tabs[1]?.id);
  });

  it('fills a blank draft in place instead of piling up empty tabs', () => {
    const s = start(tab('a', 1, ''));
    const next = reuseInto(s, DEFAULT_DRAFT, FULL_DRAFT);
    expect(next.tabs).toHaveLength(1);
    expect(next.active).toBe('a');
    expect(next.live).toEqual(FULL_DRAFT);
  });
});

describe('undoLast', () => {
  it('after a reuse into a new tab: closes that tab and brings the pushed-aside draft back as it was', () => {
    const s = start(tab('a', 1, 'mine'));
    const live = draftWith({ prompt: 'mine, edited', duration: 4 });
    const opened = reuseInto(s, live, FULL_DRAFT);
    const back = undoLast(opened, opened.live);
    expect(back?.active).toBe('a');
    expect(back?.live).toEqual(live);
    expect(back?.tabs.map((t) => t.id)).toEqual(['a']);
    expect(back?.undo).toEqual([]);
  });

  it('after a reuse whose tab was edited since: the earlier draft comes back, the edited tab stays', () => {
    const opened = reuseInto(start(tab('a', 1, 'mine')), draftWith({ prompt: 'mine' }), FULL_DRAFT);
    const edited = { ...FULL_DRAFT, prompt: 'reused, then changed' };
    const back = undoLast(opened, edited);
    expect(back?.active).toBe('a');
    expect(back?.live.prompt).toBe('mine');
    expect(prompts(back ?? { tabs: [] })).toEqual(['mine', 'reused, then changed']);
  });

  it('after a replace of a blank draft: the blank draft (with its settings) is back', () => {
    const blank = draftWith({ model: 'veo3.1-quality-official' });
    const replaced = reuseInto(start(tab('a', 1, '')), blank, FULL_DRAFT);
    const back = undoLast(replaced, replaced.live);
    expect(back?.live).toEqual(blank);
    expect(back?.tabs).toHaveLength(1);
  });

  it('after a replace edited since: the edits move to a tab of their own', () => {
    const replaced = reuseInto(start(tab('a', 1, '')), DEFAULT_DRAFT, FULL_DRAFT);
    const back = undoLast(replaced, { ...FULL_DRAFT, prompt: 'changed after reuse' });
    expect(back?.live).toEqual(DEFAULT_DRAFT);
    expect(prompts(back ?? { tabs: [] })).toEqual(['', 'changed after reuse']);
    expect(back?.active).toBe('a');
  });

  it('after a close: the tab comes back where it was, active, with its words', () => {
    const s: TabsState = { tabs: [tab('a', 1, 'one'), tab('b', 2, 'two'), tab('c', 3, 'three')], active: 'b', undo: [] };
    const live = draftWith({ prompt: 'two, edited' });
    const closed = closeTab(s, live, 'b');
    expect(closed?.active).toBe('a');
    expect(closed?.live.prompt).toBe('one');
    expect(prompts(closed ?? { tabs: [] })).toEqual(['one', 'three']);
    const back = closed && undoLast(closed, closed.live);
    expect(back?.active).toBe('b');
    expect(back?.live.prompt).toBe('two, edited');
    expect(back?.tabs.map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });

  it('gives a reopened tab a free number when its own was taken meanwhile', () => {
    const s: TabsState = { tabs: [tab('a', 1, 'one'), tab('x', 2, 'new')], active: 'a', undo: [{ kind: 'closed', tab: tab('b', 2, 'two'), index: 1 }] };
    const back = undoLast(s, draftWith({ prompt: 'one' }));
    expect(back?.tabs.map((t) => [t.id, t.n])).toEqual([
      ['a', 1],
      ['b', 3],
      ['x', 2],
    ]);
  });

  it('is undefined with nothing to undo', () => {
    expect(undoLast(start(tab('a', 1, 'x')), DEFAULT_DRAFT)).toBeUndefined();
  });

  it(`remembers the last ${UNDO_LIMIT} changes, not more`, () => {
    let s: TabsState = start(tab('a', 1, 'x'));
    let live = draftWith({ prompt: 'x' });
    for (let i = 0; i < UNDO_LIMIT + 5; i++) {
      const next = openTab(s, live, draftWith({ prompt: `t${i}` }));
      s = next;
      live = next.live;
    }
    expect(s.undo).toHaveLength(UNDO_LIMIT);
  });
});

describe('closeTab and switchTab', () => {
  it('never closes the last tab', () => {
    expect(closeTab(start(tab('a', 1, 'x')), DEFAULT_DRAFT, 'a')).toBeUndefined();
  });

  it('closing another tab keeps the active one and its live draft', () => {
    const s = start(tab('a', 1, 'one'), tab('b', 2, 'two'));
    const live = draftWith({ prompt: 'one, live' });
    const next = closeTab(s, live, 'b');
    expect(next?.active).toBe('a');
    expect(next?.live).toEqual(live);
  });

  it('switching stores the live draft in its tab and loads the other', () => {
    const s = start(tab('a', 1, 'one'), tab('b', 2, 'two'));
    const next = switchTab(s, draftWith({ prompt: 'one, edited' }), 'b');
    expect(next?.live.prompt).toBe('two');
    expect(prompts(next ?? { tabs: [] })).toEqual(['one, edited', 'two']);
    expect(switchTab(s, DEFAULT_DRAFT, 'a')).toBeUndefined();
    expect(switchTab(s, DEFAULT_DRAFT, 'nope')).toBeUndefined();
  });
});
