import type { MessageKey } from '../../i18n';

/**
 * Actions other features add to the library's bulk bar (shown while several clips are selected),
 * after its own (favourite, tag, export, trash). A feature adds one entry to EXTRA_BULK_ACTIONS.
 */
export interface BulkAction {
  id: string;
  label: MessageKey;
  /** Whether it can act on this many selected clips (e.g. 2 to 4 for a side-by-side compare). */
  accepts(count: number): boolean;
  run(ids: readonly string[]): void | Promise<void>;
}

export const EXTRA_BULK_ACTIONS: BulkAction[] = [];
