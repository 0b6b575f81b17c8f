import { api, connection } from './api';
import { useBatchesStore } from './features/batch/batches-store';
import { useLibraryStore } from './features/library/library-store';
import { catchUpPosters } from './features/library/poster-maker';
import { usePosterProgress } from './features/library/poster-progress';
import { useQueueStore } from './features/queue/queue-store';
import { useSettingsStore } from './features/settings/settings-store';

/**
 * Keeps the feature stores mirroring main: events apply snapshots as they
 * arrive, and every (re)connection reloads the lists, since events sent while
 * the page was disconnected are gone. Returns a function that stops it all.
 */
export function startSync(): () => void {
  const reloadAll = (): void => {
    void useSettingsStore.getState().load();
    void useQueueStore.getState().load();
    void useLibraryStore.getState().load();
    void useBatchesStore.getState().load();
    catchUpPosters();
  };
  const offs = [
    api.jobs.onUpdated((jobs) => useQueueStore.getState().apply(jobs)),
    api.library.onChanged(() => void useLibraryStore.getState().load()),
    api.library.onPosters((counts) => {
      usePosterProgress.getState().dispatch({ type: 'counts', counts });
      catchUpPosters();
    }),
    api.batches.onUpdated((batches) => useBatchesStore.getState().apply(batches)),
    connection.onState((state) => {
      if (state === 'open') reloadAll();
    }),
  ];
  return () => offs.forEach((off) => off());
}
