import { useNavigationStore } from '../../navigation-store';
import type { useComposeStore } from './compose-store';

type ComposeState = ReturnType<typeof useComposeStore.getState>;

/**
 * How the views outside the Studio (the library, the queue) reach the compose
 * draft. The compose store checks every draft it reads, stores and sends with
 * zod, so it loads with the Studio's code rather than before the first paint;
 * a hand-off waits for that load (nothing to wait for once the Studio has been
 * shown or fetched while the page was idle).
 */
export async function withCompose<T>(use: (compose: ComposeState) => T): Promise<T> {
  const { useComposeStore } = await import('./compose-store');
  return use(useComposeStore.getState());
}

/** Changes the draft, then shows the Studio: it never opens on the draft from before the change. */
export async function editDraftInStudio(change: (compose: ComposeState) => void): Promise<void> {
  await withCompose(change);
  useNavigationStore.getState().go('studio');
}
