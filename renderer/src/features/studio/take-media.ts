import { useEffect } from 'react';
import { create } from 'zustand';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { api, connection } from '../../api';
import { GRAB_DEADLINE_MS, grabFrame, release, seekDetached, withDeadline } from '../library/media-grab';

/**
 * What the results feed and the activity drawer need of a saved take: its
 * library view (media and poster URLs), fetched once per id as tiles come
 * into view. A take without a poster gets one made in the background (one at
 * a time: the feed must stay light), cached by main like the library's own.
 * 'missing' = not in the library (deleted, or not indexed yet: a library
 * change asks again).
 */

export type TakeMedia = VideoView | 'missing';

interface TakeMediaState {
  media: Record<string, TakeMedia>;
}

export const useTakeMediaStore = create<TakeMediaState>()(() => ({ media: {} }));

const asked = new Set<string>();
const posterWanted: VideoView[] = [];
const posterTried = new Set<string>();
let posterBusy = false;

function put(id: string, value: TakeMedia): void {
  useTakeMediaStore.setState((s) => ({ media: { ...s.media, [id]: value } }));
}

async function fetchTake(id: string): Promise<void> {
  try {
    const video = await api.library.get({ id });
    put(id, video);
    if (!video.posterUrl && !video.videoMissing) wantPoster(video);
  } catch {
    put(id, 'missing');
  }
}

function wantPoster(video: VideoView): void {
  if (posterTried.has(video.id)) return;
  posterTried.add(video.id);
  posterWanted.push(video);
  void pumpPosters();
}

/** A poster still of a take, from a detached <video> let go however the grab ends, abandoned included. */
async function grabTakePoster(src: string, signal: AbortSignal): Promise<string> {
  const el = await seekDetached(src, 0.5, signal);
  const drop = () => release(el);
  signal.addEventListener('abort', drop, { once: true });
  try {
    return await grabFrame(el, 'image/jpeg', 640);
  } finally {
    signal.removeEventListener('abort', drop);
    release(el);
  }
}

async function pumpPosters(): Promise<void> {
  if (posterBusy) return;
  posterBusy = true;
  try {
    for (let next = posterWanted.shift(); next; next = posterWanted.shift()) {
      const { id, mediaUrl } = next;
      try {
        // One take that never seeks or draws must not stop the posters of the takes after it.
        const dataBase64 = await withDeadline(GRAB_DEADLINE_MS, (signal) => grabTakePoster(mediaUrl, signal));
        const made = await api.library.savePoster({ id, dataBase64 });
        put(made.id, made);
      } catch (err) {
        // The tile keeps its placeholder and still plays on hover.
        console.info(`Keyframe: no poster for ${id}: ${(err as Error).message}`);
      }
    }
  } finally {
    posterBusy = false;
  }
}

/** Asks again for every take that was missing or had no poster (the library changed, or the page reconnected). */
function refreshIncomplete(): void {
  for (const [id, value] of Object.entries(useTakeMediaStore.getState().media)) {
    if (value === 'missing' || !value.posterUrl) void fetchTake(id);
  }
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  api.library.onChanged(refreshIncomplete);
  connection.onState((s) => s === 'open' && refreshIncomplete());
}

/** Fetches a take's library view once (and makes its poster if it has none); later asks change nothing. */
export function askTake(videoId: string): void {
  if (asked.has(videoId)) return;
  listen();
  asked.add(videoId);
  void fetchTake(videoId);
}

/** The take's library view once known; undefined while it is on its way (or for no id). */
export function useTakeMedia(videoId: string | undefined): TakeMedia | undefined {
  const value = useTakeMediaStore((s) => (videoId ? s.media[videoId] : undefined));
  useEffect(() => {
    if (videoId) askTake(videoId);
  }, [videoId]);
  return value;
}
