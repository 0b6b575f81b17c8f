import { create } from 'zustand';

/**
 * The Studio's own layout state: which clip the viewer shows (beside the feed
 * on a wide window, over it on a narrow one) and how wide the viewer is.
 */

export const VIEWER_WIDTH_KEY = 'keyframe.studio.viewerWidth';
export const VIEWER_MIN = 360;

/** Until the person drags it: four tenths of the window, so the clip is the biggest thing on screen. */
const defaultWidth = (): number => Math.max(VIEWER_MIN, Math.round((typeof window === 'undefined' ? 1280 : window.innerWidth) * 0.4));

function storedWidth(): number {
  try {
    const n = Number(localStorage.getItem(VIEWER_WIDTH_KEY) ?? NaN);
    return Number.isFinite(n) && n >= VIEWER_MIN ? n : defaultWidth();
  } catch {
    return defaultWidth();
  }
}

interface StudioState {
  /** The library id of the clip in the viewer; undefined when the viewer is closed. */
  viewing: string | undefined;
  viewerWidth: number;
  show(videoId: string): void;
  closeViewer(): void;
  setViewerWidth(width: number): void;
}

export const useStudioStore = create<StudioState>()((set) => ({
  viewing: undefined,
  viewerWidth: storedWidth(),
  show: (viewing) => set({ viewing }),
  closeViewer: () => set({ viewing: undefined }),
  setViewerWidth(width) {
    const w = Math.max(VIEWER_MIN, Math.round(width));
    try {
      localStorage.setItem(VIEWER_WIDTH_KEY, String(w));
    } catch {
      // Not remembered: the next start uses the default width.
    }
    set({ viewerWidth: w });
  },
}));
