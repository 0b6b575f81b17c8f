import { useEffect } from 'react';
import { api, connection } from '../../api';
import { useQueueStore } from './queue-store';

/** Keeps the queue's own state (paused, rate limit) live; jobs themselves arrive through sync.ts. */
export function useQueueStateSync(): void {
  useEffect(() => {
    const store = useQueueStore.getState();
    if (!store.loaded) void store.load();
    void store.loadQueueState();
    const offs = [
      api.queue.onChanged((q) => useQueueStore.getState().setQueueState(q)),
      connection.onState((state) => {
        if (state === 'open') void useQueueStore.getState().loadQueueState();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);
}
