import { create } from 'zustand';

/**
 * The one feed tile under the pointer. Only that tile puts a <video> on the
 * page (muted, looping); every other tile is a still poster, so however long
 * the feed, at most one preview decodes.
 */
export const useHoverStore = create<{ tile: string | undefined }>()(() => ({ tile: undefined }));

export const hoverTile = (key: string): void => useHoverStore.setState({ tile: key });
export const leaveTile = (key: string): void => {
  if (useHoverStore.getState().tile === key) useHoverStore.setState({ tile: undefined });
};
