import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { POSTER_BACKLOG_SKIP_MAX } from '../../../../shared/ipc/poster-limits.js';
import { waitForQuiet, watchInput } from './input-quiet';
import { GRAB_DEADLINE_MS, grabFrameAt, openDetached, release, withDeadline } from './media-grab';
import { postersToMake, usePosterProgress } from './poster-progress';

/**
 * Posters for videos that have none, made ONCE each in the background: a
 * detached <video> (never in the grid) seeks to 0.5 s, the frame goes through a
 * canvas to JPEG and main caches it (library.savePoster). Two at a time, the
 * cells in view first; a cell scrolled away before its turn is skipped. When
 * nothing in view waits, the rest of the library's backlog (a big folder just
 * added) is worked through one at a time, a page asked of main at a time, so a
 * cell scrolled into view always finds a free turn. The backlog only moves
 * once the person has left the page alone for a moment (no typing, clicking or
 * scrolling for QUIET_MS): a search or a scroll never shares its frames, or
 * main's attention, with posters nobody is looking at. One video never holds
 * the rest up: its grab is abandoned at a deadline (a media event or a canvas
 * callback that never comes) and counts as a failed try, and a backlog page
 * that did not come is asked for again.
 */

const CONCURRENCY = 2;
const BACKLOG_CONCURRENCY = 1;
const BACKLOG_PAGE = 8;
const QUIET_MS = 1500;
let quietTimer: ReturnType<typeof setTimeout> | undefined;
const attempted = new Set<string>();
/** A grab can fail on a busy machine (a seek that times out): each video gets this many tries before it is skipped. */
const TRIES = 2;
export const POSTER_GRAB_DEADLINE_MS = GRAB_DEADLINE_MS;
/** How soon a backlog page that failed (main busy, the connection lost) is asked for again. */
export const BACKLOG_RETRY_MS = 5_000;
let backlogRetry: ReturnType<typeof setTimeout> | undefined;
const failures = new Map<string, number>();
let wanted: VideoView[] = [];
let backlog: VideoView[] = [];
let fetchingBacklog = false;
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

/** Works through the posters still missing outside the view (after a reconnection, or as counts come in). */
export function catchUpPosters(): void {
  pump();
}

/** True when the backlog may take a turn now; otherwise asks again once the page has been quiet long enough. */
function backlogMayRun(): boolean {
  if (typeof window !== 'undefined') watchInput(window);
  const wait = waitForQuiet(QUIET_MS);
  if (wait === 0) return true;
  if (quietTimer === undefined) {
    quietTimer = setTimeout(() => {
      quietTimer = undefined;
      pump();
    }, wait);
  }
  return false;
}

function pump(): void {
  while (running < CONCURRENCY) {
    const next = wanted.shift() ?? (running < BACKLOG_CONCURRENCY && backlog.length > 0 && backlogMayRun() ? backlog.shift() : undefined);
    if (!next) break;
    if (attempted.has(next.id)) continue;
    attempted.add(next.id);
    running += 1;
    void make(next).finally(() => {
      running -= 1;
      pump();
    });
  }
  if (running === 0 && wanted.length === 0 && backlog.length === 0 && backlogMayRun()) void refillBacklog();
}

async function refillBacklog(): Promise<void> {
  const progress = usePosterProgress.getState();
  // Asked once before the first counts arrive (the answer carries them), then only while some are left to make.
  if (fetchingBacklog || (progress.counts !== undefined && postersToMake(progress) === 0)) return;
  fetchingBacklog = true;
  try {
    const page = await api.library.posterBacklog({ limit: BACKLOG_PAGE, skip: progress.failed.slice(-POSTER_BACKLOG_SKIP_MAX) });
    usePosterProgress.getState().dispatch({ type: 'counts', counts: { total: page.total, missing: page.missing } });
    backlog = page.items.filter((v) => !attempted.has(v.id));
  } catch {
    // Disconnected or busy. A counts event or a reconnection also asks again, but neither comes when
    // the last posters are the ones left: nothing else would ever move the backlog on.
    backlog = [];
    backlogRetry ??= setTimeout(() => {
      backlogRetry = undefined;
      pump();
    }, BACKLOG_RETRY_MS);
  } finally {
    fetchingBacklog = false;
  }
  if (backlog.length > 0) pump();
}

/** One poster's frame, from a detached <video> that is released however the grab ends, abandoned included. */
async function grabPoster(src: string, signal: AbortSignal): Promise<string> {
  const el = await openDetached(src, signal);
  // An abandoned grab may never reach its `finally`: the element is let go the moment the deadline passes.
  const drop = () => release(el);
  signal.addEventListener('abort', drop, { once: true });
  try {
    signal.throwIfAborted();
    // Half a second in (the first frame is often black), but never past the middle of a short clip.
    return await grabFrameAt(el, Math.min(0.5, el.duration / 2), 'image/jpeg', 640, signal);
  } finally {
    signal.removeEventListener('abort', drop);
    release(el);
  }
}

async function make(video: VideoView): Promise<void> {
  try {
    const dataBase64 = await withDeadline(POSTER_GRAB_DEADLINE_MS, (signal) => grabPoster(video.mediaUrl, signal));
    const view = await api.library.savePoster({ id: video.id, dataBase64 });
    onMade(view);
  } catch (err) {
    const tries = (failures.get(video.id) ?? 0) + 1;
    failures.set(video.id, tries);
    if (tries < TRIES) {
      // Asked again later: by the grid while it is in view, or with the backlog's next page.
      attempted.delete(video.id);
      return;
    }
    // The placeholder stays; the grid works without a poster, and the backlog moves past this one.
    usePosterProgress.getState().dispatch({ type: 'failed', id: video.id });
    console.info(`Keyframe: no poster for ${video.id}: ${(err as Error).message}`);
  }
}
