import { seekTimeOf, type FrameClock } from '../viewer/frame-math';
import { grabFrameAt, openDetached, release } from './media-grab';
import { clockFrom } from '../viewer/probe';

/**
 * The first or last frame of a video file dropped on the page, grabbed in the page (no upload of the
 * video: only the frame, as a PNG, goes to main). Which frame is "last" comes from the file's own
 * frame table (mediabunny, imported on first use); a file it cannot read falls back to the time a
 * hair before the end the <video> reports.
 */

export type WhichFrame = 'first' | 'last';

const VIDEO_NAME = /\.(mp4|m4v|mov|webm)$/i;

/** A dropped file that is a video (by type, or by name when the OS gives no type). */
export const isVideoFile = (file: Pick<File, 'type' | 'name'>): boolean => (file.type ? file.type.startsWith('video/') : VIDEO_NAME.test(file.name));

/** The file's frame clock from its sample table: read from the Blob itself (a blob: URL cannot be fetched under the page's CSP). */
async function clockOf(file: Blob): Promise<FrameClock> {
  const { BlobSource, MP4, QTFF, WEBM } = await import('mediabunny');
  return clockFrom(new BlobSource(file), [MP4, QTFF, WEBM]);
}

/** Where to seek for the wanted frame: its timestamp from the clock, else the start or a hair before the end. */
export function frameTimeIn(clock: FrameClock | undefined, which: WhichFrame, duration: number): number {
  if (clock) return seekTimeOf(clock, which === 'first' ? 0 : clock.frames - 1);
  return which === 'first' ? 0 : Math.max(0, duration - 0.05);
}

/** The frame as PNG base64 (full size). */
export async function grabFileFrame(file: File, which: WhichFrame): Promise<string> {
  const url = URL.createObjectURL(file);
  let el: HTMLVideoElement | undefined;
  try {
    const clock = await clockOf(file).catch(() => undefined);
    el = await openDetached(url);
    return await grabFrameAt(el, frameTimeIn(clock, which, el.duration), 'image/png');
  } finally {
    if (el) release(el);
    URL.revokeObjectURL(url);
  }
}

/** The imported frame's name: the video's, and which frame it is. */
export const frameFileName = (videoName: string, which: WhichFrame): string => `${(videoName.replace(/\.[^.]+$/, '') || 'video').slice(0, 200)}-${which}-frame.png`;
