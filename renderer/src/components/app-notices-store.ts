import { create } from 'zustand';
import type { Notice } from '../../../shared/ipc/views.js';
import { api } from '../api';

/** Notices main pushes (`app:notice`), the last five, each until dismissed. */
export type AppNotice = Notice & { id: number };

interface AppNoticesState {
  notices: AppNotice[];
  dismiss(id: number): void;
}

let next = 0;

export const useAppNoticesStore = create<AppNoticesState>()((set) => ({
  notices: [],
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** Starts listening; returns the function that stops it. */
export function listenForAppNotices(): () => void {
  return api.app.onNotice((notice) => useAppNoticesStore.setState((s) => ({ notices: [...s.notices.slice(-4), { ...notice, id: ++next }] })));
}
