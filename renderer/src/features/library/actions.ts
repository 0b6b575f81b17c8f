import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { giveFrame } from './bridges';
import { useLibraryStore } from './library-store';
import { grabFrame, release, seekDetached } from './media-grab';
import { player } from './player-ref';

/** What the details pane and the keyboard shortcuts do to a video. Each resolves to the error or undefined. */

export type Which = 'first' | 'last' | 'current';

async function attempt(fn: () => Promise<void>): Promise<CallError | undefined> {
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

export const trash = (v: VideoView) =>
  attempt(async () => {
    await api.library.trash({ id: v.id });
    useLibraryStore.getState().remove(v.id);
  });

/** Grabs a frame of the video (PNG, full size), imports it and hands it to compose as the next job's first/last frame. */
export async function frameToCompose(v: VideoView, which: Which, role: 'first' | 'last'): Promise<CallError | undefined | 'not-wired'> {
  let wired = true;
  const err = await attempt(async () => {
    let el: HTMLVideoElement | undefined;
    let dataBase64: string;
    if (which === 'current' && player.el && player.el.readyState >= 2) {
      dataBase64 = await grabFrame(player.el, 'image/png');
    } else {
      el = await seekDetached(v.mediaUrl, which === 'last' ? 'end' : 0);
      try {
        dataBase64 = await grabFrame(el, 'image/png');
      } finally {
        release(el);
      }
    }
    const stem = v.fileName.replace(/\.[^.]+$/, '');
    const frame = await api.frames.import({ name: `${stem}-${which}.png`.slice(-255), dataBase64 });
    wired = giveFrame(role, frame);
  });
  return err ?? (wired ? undefined : 'not-wired');
}
