import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { giveFrame } from './bridges';
import { useLibraryStore } from './library-store';
import { grabFrame, settled } from './media-grab';

/** What the details pane and the keyboard shortcuts do to a video. Each resolves to the error or undefined. */

/** Runs an action; its failure becomes the error to show (never a rejection left for the caller). */
export async function attempt(fn: () => Promise<void>): Promise<CallError | undefined> {
  try {
    await fn();
    return undefined;
  } catch (err) {
    return toAppError(err);
  }
}

export const toggleFavorite = (v: VideoView) =>
  attempt(async () => useLibraryStore.getState().patch(await api.library.setFavorite({ id: v.id, favorite: !v.favorite })));

export const setTags = (v: VideoView, tags: string[]) => attempt(async () => useLibraryStore.getState().patch(await api.library.setTags({ id: v.id, tags })));

export const reveal = (v: VideoView) => attempt(async () => void (await api.library.reveal({ id: v.id })));

export const startDrag = (v: VideoView) => attempt(async () => void (await api.library.startDrag({ id: v.id })));

/**
 * Grabs the frame the viewer shows (PNG, full size), imports it and hands it to compose as the next
 * job's first or last frame. Named after the clip and the frame's number, so two grabs never collide.
 */
export async function frameToCompose(v: VideoView, picture: HTMLVideoElement, frameNumber: number | undefined, role: 'first' | 'last'): Promise<CallError | undefined | 'not-wired'> {
  let wired = true;
  const err = await attempt(async () => {
    await settled(picture);
    const dataBase64 = await grabFrame(picture, 'image/png');
    const stem = v.fileName.replace(/\.[^.]+$/, '');
    const suffix = frameNumber === undefined ? 'frame' : `f${frameNumber + 1}`;
    const frame = await api.frames.import({ name: `${stem}-${suffix}.png`.slice(-255), dataBase64 });
    wired = await giveFrame(role, frame);
  });
  return err ?? (wired ? undefined : 'not-wired');
}
