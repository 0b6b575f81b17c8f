import { useEffect } from 'react';
import { create } from 'zustand';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { api, connection } from '../../api';
import { grabFrame, release, seekDetached } from '../library/media-grab';

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

async function pumpPosters(): Promise<void> {
  if (posterBusy) return;
  posterBusy = true;
  try {
    for (let next = posterWanted.shift(); next; next = posterWanted.shift()) {
      let el: HTMLVideoElement | undefined;
      try {
        el = await seekDetached(next.mediaUrl, 0.5);
        const made = await api.library.savePoster({ id: next.id, dataBase64: await grabFrame(el, 'image/jpeg', 640) });
        put(made.id, made);
      } catch (err) {
        // The tile keeps its placeholder and still plays on hover.
        console.info(`Keyframe: no poster for ${next.id}: ${(err as Error).message}`);
      } finally {
        if (el) release(el);
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

/** The take's library view once known; undefined while it is on its way (or for no id). */
export function useTakeMedia(videoId: string | undefined): TakeMedia | undefined {
  const value = useTakeMediaStore((s) => (videoId ? s.media[videoId] : undefined));
  useEffect(() => {
    if (!videoId || asked.has(videoId)) return;
    listen();
    asked.add(videoId);
    void fetchTake(videoId);
  }, [videoId]);
  return value;
}
