import { describe, expect, it } from 'vitest';
import { withMark } from '../../../renderer/src/selection/clip-marks.js';
import { NOTHING, only, ranged, toggled, without, type Selection } from '../../../renderer/src/selection/selection-rules.js';

/** The one selection's rules: click, Ctrl/Cmd-click, Shift-click, a clip gone; and the in/out marks kept per clip. */

const grid = ['a', 'b', 'c', 'd', 'e', 'f'];
const sel = (ids: string[], primary?: string, anchor?: string): Selection => ({ ids, primary, anchor });

describe('selection rules', () => {
  it('a click selects exactly that clip, which is the primary and the anchor', () => {
    expect(only('c')).toEqual(sel(['c'], 'c', 'c'));
  });

  it('Ctrl/Cmd-click adds a clip as the new primary and anchor', () => {
    expect(toggled(only('b'), 'e')).toEqual(sel(['b', 'e'], 'e', 'e'));
  });

  it('Ctrl/Cmd-click on the primary takes it out; the last one picked before it becomes the primary', () => {
    expect(toggled(sel(['b', 'e', 'c'], 'c', 'c'), 'c')).toEqual(sel(['b', 'e'], 'e', 'c'));
  });

  it('Ctrl/Cmd-click on another selected clip takes it out and keeps the primary', () => {
    expect(toggled(sel(['b', 'e', 'c'], 'c', 'c'), 'b')).toEqual(sel(['e', 'c'], 'c', 'b'));
  });

  it('Ctrl/Cmd-click on the only selected clip leaves nothing selected', () => {
    const s = toggled(only('b'), 'b');
    expect(s.ids).toEqual([]);
    expect(s.primary).toBeUndefined();
  });

  it('Shift-click selects from the anchor to the clip, in grid order, either direction', () => {
    expect(ranged(only('b'), 'e', grid)).toEqual(sel(['b', 'c', 'd', 'e'], 'e', 'b'));
    expect(ranged(only('e'), 'b', grid)).toEqual(sel(['b', 'c', 'd', 'e'], 'b', 'e'));
  });

  it('a second Shift-click re-draws the range from the same anchor (it does not add to the first)', () => {
    expect(ranged(ranged(only('c'), 'f', grid), 'a', grid)).toEqual(sel(['a', 'b', 'c'], 'a', 'c'));
  });

  it('Shift-click with no anchor, or an anchor the grid no longer shows, is a plain click', () => {
    expect(ranged(NOTHING, 'd', grid)).toEqual(only('d'));
    expect(ranged(only('zz'), 'd', grid)).toEqual(only('d'));
  });

  it('a clip that is gone leaves the selection; the primary with it', () => {
    expect(without(sel(['b', 'c'], 'c', 'b'), 'c')).toEqual(sel(['b'], undefined, 'b'));
    expect(without(sel(['b', 'c'], 'c', 'b'), 'b')).toEqual(sel(['c'], 'c', 'c'));
    const untouched = sel(['b'], 'b', 'b');
    expect(without(untouched, 'x')).toBe(untouched);
  });

  it('never lists a clip twice, whatever the sequence', () => {
    let s: Selection = NOTHING;
    for (const [op, id] of [['t', 'a'], ['t', 'c'], ['r', 'e'], ['t', 'd'], ['t', 'd'], ['r', 'b'], ['t', 'a']] as const) {
      s = op === 't' ? toggled(s, id) : ranged(s, id, grid);
      expect(new Set(s.ids).size).toBe(s.ids.length);
      if (s.primary !== undefined) expect(s.ids).toContain(s.primary);
    }
  });
});

describe('in/out marks', () => {
  it('set independently', () => {
    expect(withMark(withMark({}, 'in', 1), 'out', 3)).toEqual({ in: 1, out: 3 });
  });

  it('an in after the out drops the out; an out before the in drops the in (never a backwards range)', () => {
    expect(withMark({ in: 1, out: 3 }, 'in', 4)).toEqual({ in: 4 });
    expect(withMark({ in: 2, out: 3 }, 'out', 1)).toEqual({ out: 1 });
  });

  it('in and out on the same frame are a one-frame range', () => {
    expect(withMark({ in: 2 }, 'out', 2)).toEqual({ in: 2, out: 2 });
  });
});
