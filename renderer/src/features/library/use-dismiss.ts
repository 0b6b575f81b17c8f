import { useEffect, type RefObject } from 'react';

/**
 * Closes a popover on Escape (focus goes back to what opened it) and on a press outside both.
 * Listens only while open, on the document, in the capture phase: a cell's click handler that stops
 * propagation must not keep a stale menu open.
 */
export function useDismiss(open: boolean, close: () => void, box: RefObject<HTMLElement | null>, opener: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close();
      opener.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (box.current?.contains(target) || opener.current?.contains(target)) return;
      close();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [open, close, box, opener]);
}
