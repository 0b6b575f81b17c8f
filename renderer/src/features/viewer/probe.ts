import type { InputFormat, Source } from 'mediabunny';
import { whenIdle } from '../../when-idle';
import type { FrameClock } from './frame-math';

/**
 * A clip's frame rate, frame count and first timestamp, read from the file itself (its MP4 sample
 * table, fetched with Range requests) with mediabunny. Imported on first use only: the library is
 * large and most sessions open the viewer late or never, so it stays out of the first bundle.
 * Answers are kept per URL (a URL names one file: its id, and a media token that lives as long as the app).
 */

const KEEP = 200;
const known = new Map<string, Promise<FrameClock>>();

export function probeClip(url: string): Promise<FrameClock> {
  const hit = known.get(url);
  if (hit) return hit;
  const reading = read(url);
  known.set(url, reading);
  // A failure is not kept: the next look tries again (the file may have been mid-download, or the link down).
  reading.catch(() => known.delete(url));
  if (known.size > KEEP) known.delete(known.keys().next().value as string);
  return reading;
}

async function read(url: string): Promise<FrameClock> {
  // Its ~700 kB of parser code is evaluated on the page's main thread: not before the grid and the clip have painted.
  await whenIdle(1000);
  const { UrlSource, MP4, QTFF } = await import('mediabunny');
  return clockFrom(new UrlSource(url), [MP4, QTFF]);
}

/** A file's frame clock from its sample table, whatever it is read from (a URL, a dropped Blob). */
export async function clockFrom(source: Source, formats: InputFormat[]): Promise<FrameClock> {
  const { Input } = await import('mediabunny');
  const input = new Input({ source, formats });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('The file has no video track.');
    const [rate, stats, start] = await Promise.all([track.computeFrameRateMetrics(), track.computePacketStats(), track.getFirstTimestamp()]);
    // The lattice the timestamps sit on when there is one (exactly 24, or 30000/1001); else the best guess.
    const fps = rate.underlyingFrameRate ?? rate.bestGuessFrameRate;
    if (!(fps > 0) || stats.packetCount < 1) throw new Error('The file has no frames.');
    return { fps, frames: stats.packetCount, start: Math.max(0, start) };
  } finally {
    input.dispose();
  }
}
