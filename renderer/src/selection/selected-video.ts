import { create } from 'zustand';
import type { VideoView } from '../../../shared/ipc/views.js';
import { api } from '../api';
import { toAppError } from '../app-error';
import { useSelectionStore } from './selection-store';

/**
 * The primary clip's record, for the viewer and the details pane. It is the primary's or nothing,
 * never a record of another clip: on every change of primary it is taken from a list already on
 * screen (a lookup a feature registers) or fetched from main, and an answer that arrives after the
 * primary moved on is dropped.
 */

interface SelectedVideoState {
  /** Always undefined or the record of the current primary. */
  video: VideoView | undefined;
}

export const useSelectedVideo = create<SelectedVideoState>()(() => ({ video: undefined }));

type Lookup = (id: string) => VideoView | undefined;
const lookups = new Set<Lookup>();

/** Lets a feature offer the records it already has (the library's fetched pages). Returns how to stop. */
export function addVideoLookup(lookup: Lookup): () => void {
  lookups.add(lookup);
  return () => void lookups.delete(lookup);
}

function known(id: string): VideoView | undefined {
  for (const lookup of lookups) {
    const v = lookup(id);
    if (v) return v;
  }
  return undefined;
}

const primary = (): string | undefined => useSelectionStore.getState().primary;

/** A newer copy of a clip (after favourite, tags, a poster): shown if it is the primary. */
export function showVideo(video: VideoView): void {
  if (primary() === video.id) useSelectedVideo.setState({ video });
}

/** Re-reads the primary from main (after library:changed or a reconnect); a clip that is gone leaves the selection. */
export async function refreshSelectedVideo(): Promise<void> {
  const id = primary();
  if (!id) return;
  try {
    const fresh = await api.library.get({ id });
    if (primary() === id) useSelectedVideo.setState({ video: fresh });
  } catch (err) {
    // Only "not found" means gone; a dropped connection must not unselect anything.
    if (primary() === id && toAppError(err).code === 'not_found') useSelectionStore.getState().drop(id);
  }
}

function follow(id: string | undefined): void {
  const video = id === undefined ? undefined : known(id);
  useSelectedVideo.setState({ video });
  if (id !== undefined && !video) void refreshSelectedVideo();
}

useSelectionStore.subscribe((s, prev) => {
  if (s.primary !== prev.primary) follow(s.primary);
});
