import { useLayoutEffect, type RefObject } from 'react';

/**
 * Makes the element as tall as the window below its top edge (less `bottomGap`), so the comparison
 * fills the screen without scrolling the page, whatever the shell above it is (the header's height
 * changes with the window's width and the notices showing).
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, bottomGap = 12): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.height = `${Math.max(320, window.innerHeight - top - bottomGap)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    // Notices appearing or going above it move its top.
    const ro = new ResizeObserver(fit);
    if (el.parentElement) ro.observe(el.parentElement);
    return () => {
      window.removeEventListener('resize', fit);
      ro.disconnect();
    };
  }, [ref, bottomGap]);
}
