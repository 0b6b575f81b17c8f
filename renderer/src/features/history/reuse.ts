import { useNavigationStore } from '../../navigation-store';
import { useComposeStore } from '../compose/compose-store';
import type { HistoryEntry } from './history-store';

/**
 * Opens a history entry's prompt and settings as the draft, through the
 * compose store's one "load a past request" path (the same as "Copy settings
 * to compose" on a job), and shows the Studio where the draft is.
 */
export function reuseFromHistory(entry: HistoryEntry): void {
  useComposeStore.getState().loadRequest(entry.request);
  useNavigationStore.getState().go('studio');
}
