import { useEffect, useRef, type RefObject } from 'react';
import { api } from '../../api';
import { useComposeStore } from './compose-store';

/**
 * Generate (the button, Cmd/Ctrl+Enter, or the native menu's command). When
 * the draft cannot go, the first control that says why gets the focus once
 * React painted its message (inside `scope`).
 */
export function useGenerate(scope: RefObject<HTMLElement | null>): () => void {
  const generate = (): void => {
    void useComposeStore
      .getState()
      .submit()
      .then((sent) => {
        if (sent) return;
        requestAnimationFrame(() => scope.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      });
  };
  const latest = useRef(generate);
  latest.current = generate;
  useEffect(() => api.app.onCommand((c) => c.command === 'generate' && latest.current()), []);
  return () => latest.current();
}
