import { afterEach, describe, expect, it } from 'vitest';
import { resetInputWatch, waitForQuiet, watchInput } from '../../../renderer/src/features/library/input-quiet';

/** Background work waits until the person has left the page alone for a moment. */

afterEach(() => resetInputWatch());

describe('input quiet', () => {
  it('is quiet before any input', () => {
    watchInput(new EventTarget(), () => 0);
    expect(waitForQuiet(1500, 10)).toBe(0);
  });

  it('counts typing, clicks, wheels and scrolls of inner panes (capture phase) as input', () => {
    const page = new EventTarget();
    let clock = 1000;
    watchInput(page, () => clock);
    for (const type of ['keydown', 'input', 'pointerdown', 'wheel', 'scroll']) {
      clock += 5000;
      page.dispatchEvent(new Event(type));
      expect(waitForQuiet(1500, clock), type).toBe(1500);
      expect(waitForQuiet(1500, clock + 1000), type).toBe(500);
      expect(waitForQuiet(1500, clock + 1500), type).toBe(0);
    }
  });

  it('ignores events it does not watch', () => {
    const page = new EventTarget();
    watchInput(page, () => 100);
    page.dispatchEvent(new Event('mousemove'));
    expect(waitForQuiet(1500, 200)).toBe(0);
  });
});
