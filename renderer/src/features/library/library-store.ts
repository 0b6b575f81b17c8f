import { create } from 'zustand';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError } from '../../app-error';

/** The newest videos of the library; a later issue grows this into the full, virtualised library. */
interface LibraryState {
  items: VideoView[];
  total: number;
  error: string | undefined;
  load(): Promise<void>;
}

export const RECENT_LIMIT = 12;

export const useLibraryStore = create<LibraryState>()((set) => ({
  items: [],
  total: 0,
  error: undefined,
  async load() {
    try {
      const page = await api.library.query({ sort: 'newest', limit: RECENT_LIMIT });
      set({ items: page.items, total: page.total, error: undefined });
    } catch (err) {
      set({ error: toAppError(err).message });
    }
  },
}));
