import { useEffect } from 'react';
import { useStoryboard } from './storyboard-store';
import { wouldLoseEdits } from './unsaved-guard';

/**
 * Closing or reloading the page while the storyboard holds unsaved edits is
 * objected to through `beforeunload`: the browser then asks the person, and
 * in the desktop app main does (electron/main/unload-prompt.ts). Asked at the
 * moment of leaving, so it always reads the storyboard as it is then.
 */
export function objectToLeaving(event: Pick<BeforeUnloadEvent, 'preventDefault'> & { returnValue: unknown }): void {
  if (!wouldLoseEdits(useStoryboard.getState())) return;
  event.preventDefault();
  // Older engines look at returnValue instead of the cancelled event.
  event.returnValue = true;
}

export function useLeaveGuard(): void {
  useEffect(() => {
    window.addEventListener('beforeunload', objectToLeaving);
    return () => window.removeEventListener('beforeunload', objectToLeaving);
  }, []);
}
