import { isBareView, isPortrait, promptOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import type { CallError } from '../../app-error';
import { editDraftInStudio } from '../compose/compose-handoff';
import { bareContinuationDraft, continuationDraft, lineageFrameOf } from '../compose/continuation';
import type { DraftLineage } from '../compose/draft-lineage';
import { fromFrameView } from '../compose/frames';
import { frameAt, seekTimeOf, type FrameClock } from '../viewer/frame-math';
import { probeClip } from '../viewer/probe';
import { attempt } from './actions';
import { grabFrame, release, seekDetached, seekDetachedExact, settled } from './media-grab';

/**
 * "Continue from this frame": the frame is grabbed at full size as PNG (a
 * lossy grab would hand the model a blurrier start than the clip it carries
 * on), imported into the frame store, and a new draft tab opens in the studio
 * with it as the first frame and the lineage naming this video.
 */

async function openContinuation(v: VideoView, picture: HTMLVideoElement, frameNumber: number | undefined, lineage: DraftLineage['frame']): Promise<void> {
  const dataBase64 = await grabFrame(picture, 'image/png');
  const stem = v.fileName.replace(/\.[^.]+$/, '');
  const name = `${stem}-${frameNumber === undefined ? lineage : `f${frameNumber + 1}`}.png`.slice(-255);
  const view = await api.frames.import({ name, dataBase64 });
  const first = { ...fromFrameView(view), name };
  const draft = isBareView(v) ? bareContinuationDraft({ id: v.id, prompt: promptOf(v), portrait: isPortrait(v) }, first, lineage) : continuationDraft(v, first, lineage);
  await editDraftInStudio((compose) => compose.openDraft(draft));
}

/** From the frame the viewer shows (paused on it). */
export function continueFromPicture(v: VideoView, picture: HTMLVideoElement, clock: FrameClock | undefined): Promise<CallError | undefined> {
  return attempt(async () => {
    await settled(picture);
    const n = clock ? frameAt(clock, picture.currentTime) : undefined;
    await openContinuation(v, picture, n, lineageFrameOf(clock, n, picture.currentTime));
  });
}

/**
 * From the clip's last frame, decoded by a detached <video> (the viewer stays where the person put it).
 * The frame clock places the seek inside the last frame itself: "a little before the end" lands on the
 * frame before it whenever a frame lasts less than that little.
 */
export function continueFromLast(v: VideoView): Promise<CallError | undefined> {
  return attempt(async () => {
    const clock = await probeClip(v.mediaUrl).catch(() => undefined);
    const last = clock ? clock.frames - 1 : undefined;
    const el = await (clock && last !== undefined ? seekDetachedExact(v.mediaUrl, seekTimeOf(clock, last)) : seekDetached(v.mediaUrl, 'end'));
    try {
      await openContinuation(v, el, last, 'last');
    } finally {
      release(el);
    }
  });
}
