import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens and closes a native <dialog> as a modal with `open`. The native modal
 * keeps focus inside, makes the page behind inert and turns Escape into a
 * `cancel` event (which the dialog's owner answers). `onShown` runs right after
 * it opens, e.g. to put the focus on the safe answer.
 */
export function useModal(open: boolean, onShown?: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const shown = useRef(onShown);
  shown.current = onShown;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      shown.current?.();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
