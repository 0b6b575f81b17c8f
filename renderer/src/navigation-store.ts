import { create } from 'zustand';
import type { View } from './views';

export { VIEWS, type View } from './views';

interface NavigationState {
  view: View;
  go(view: View): void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  view: 'studio',
  go: (view) => set({ view }),
}));
