import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { grabFrameAt, openDetached, release } from './media-grab';

/**
 * Posters for videos that have none, made ONCE each in the background: a
 * detached <video> (never in the grid) seeks to 0.5 s, the frame goes through a
 * canvas to JPEG and main caches it (library.savePoster). Two at a time, the
 * cells in view first; a cell scrolled away before its turn is skipped.
 */

const CONCURRENCY = 2;
const attempted = new Set<string>();
let wanted: VideoView[] = [];
let running = 0;
let onMade: (v: VideoView) => void = () => undefined;

export function onPosterMade(cb: (v: VideoView) => void): void {
  onMade = cb;
}

/** The videos currently in view; those without a poster are queued. */
export function wantPosters(videos: readonly VideoView[]): void {
  wanted = videos.filter((v) => !v.posterUrl && !v.videoMissing && !attempted.has(v.id));
  pump();
}

function pump(): void {
  while (running < CONCURRENCY) {
    const next = wanted.shift();
    if (!next) return;
    if (attempted.has(next.id)) continue;
    attempted.add(next.id);
    running += 1;
    void make(next).finally(() => {
      running -= 1;
      pump();
    });
  }
}

async function make(video: VideoView): Promise<void> {
  let el: HTMLVideoElement | undefined;
  try {
    el = await openDetached(video.mediaUrl);
    // Half a second in (the first frame is often black), but never past the middle of a short clip.
    const dataBase64 = await grabFrameAt(el, Math.min(0.5, el.duration / 2), 'image/jpeg', 640);
    const view = await api.library.savePoster({ id: video.id, dataBase64 });
    onMade(view);
  } catch (err) {
    // The placeholder stays; the grid works without a poster.
    console.info(`Keyframe: no poster for ${video.id}: ${(err as Error).message}`);
  } finally {
    if (el) release(el);
  }
}
