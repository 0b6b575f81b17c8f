import { create } from 'zustand';

/** How the person likes the viewer, kept while the app runs (picking another clip keeps them). */
interface ViewerPrefs {
  loop: boolean;
  muted: boolean;
  /** The aspect / safe-area guides over the picture. */
  guides: boolean;
  set(patch: Partial<Omit<ViewerPrefs, 'set'>>): void;
}

export const useViewerPrefs = create<ViewerPrefs>()((set) => ({
  loop: true,
  muted: false,
  guides: false,
  set: (patch) => set(patch),
}));
