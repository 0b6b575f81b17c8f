/**
 * How long since the person last typed, clicked, scrolled or wheeled anywhere
 * in the page. Background work that competes for the page and for main (the
 * poster backlog) waits until they have been quiet for a moment, so a search
 * or a scroll never shares its frames with it.
 */

const EVENTS = ['keydown', 'input', 'pointerdown', 'wheel', 'scroll'] as const;

let lastInput = Number.NEGATIVE_INFINITY;
let watching = false;

/** Starts listening (once) on `target`, in the capture phase so scrolls of inner panes count too. */
export function watchInput(target: Pick<EventTarget, 'addEventListener'>, now: () => number = () => performance.now()): void {
  if (watching) return;
  watching = true;
  for (const type of EVENTS) target.addEventListener(type, () => (lastInput = now()), { capture: true, passive: true });
}

/** Milliseconds still to wait before `quietMs` have passed without input (0: quiet now). */
export function waitForQuiet(quietMs: number, now: number = performance.now()): number {
  return Math.max(0, lastInput + quietMs - now);
}

/** For tests: forget what was seen. */
export function resetInputWatch(): void {
  lastInput = Number.NEGATIVE_INFINITY;
  watching = false;
}
