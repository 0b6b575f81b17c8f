import { open } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ALL_FORMATS, FilePathSource, Input, type InputVideoTrack } from 'mediabunny';
import type { BareVideoEntry, ContainerInfo } from '../../../shared/domain/bare-video.js';
import { bareVideoId } from './bare-video-id.js';
import { readIsoBmffFacts } from './bare-video-boxes.js';
import { readMatroskaDateUtc } from './bare-video-ebml.js';
import { provenanceFromTags } from './bare-video-provenance.js';

/**
 * Reads a video file without a sidecar into a library entry: what its
 * container says (duration, size, frame rate, codecs, creation time) and any
 * provenance Keyframe embedded in it. A file that cannot be read as a video —
 * still being written (no index yet), cut short, or not a video at all — is
 * undefined: it is looked at again when it next changes.
 */

export interface ProbedStat {
  size: number;
  mtimeMs: number;
}

const ISO_BMFF = new Set(['MP4', 'QuickTime File Format', 'QuickTime']);
const MATROSKA = new Set(['WebM', 'Matroska']);

async function frameRate(track: InputVideoTrack): Promise<number | undefined> {
  const metrics = await track.computeFrameRateMetrics();
  const fps = metrics.underlyingFrameRate ?? metrics.bestGuessFrameRate;
  return Number.isFinite(fps) && fps > 0 ? Math.round(fps * 1000) / 1000 : undefined;
}

async function readContainer(path: string): Promise<{ container: ContainerInfo; tags: Awaited<ReturnType<Input['getMetadataTags']>> } | undefined> {
  // A read failing while nobody waits on it (the file cut short under us) must not become an unhandled rejection.
  const input = new Input({ source: new FilePathSource(path, { handleUnhandledError: () => undefined }), formats: ALL_FORMATS });
  try {
    if (!(await input.canRead())) return undefined;
    const video = await input.getPrimaryVideoTrack();
    if (!video) return undefined;
    const [format, durationS, width, height, fps, videoCodec, audio, tags] = await Promise.all([
      input.getFormat(),
      input.computeDuration(),
      video.getDisplayWidth(),
      video.getDisplayHeight(),
      frameRate(video),
      video.getCodec(),
      input.getPrimaryAudioTrack(),
      input.getMetadataTags(),
    ]);
    const audioCodec = audio ? await audio.getCodec() : null;
    const boxes = ISO_BMFF.has(format.name) ? await readIsoBmffFacts(path) : undefined;
    if (boxes && !boxes.complete) return undefined;
    const segmentDate = MATROSKA.has(format.name) ? await readMatroskaDateUtc(path) : undefined;
    const tagged = tags.date?.getTime();
    const createdAt = boxes?.createdAt ?? segmentDate ?? (tagged !== undefined && Number.isFinite(tagged) ? tagged : undefined);
    if (!Number.isFinite(durationS) || durationS <= 0) return undefined;
    const container: ContainerInfo = {
      format: format.name,
      durationS,
      width,
      height,
      ...(fps === undefined ? {} : { fps }),
      ...(videoCodec ? { videoCodec } : {}),
      ...(audioCodec ? { audioCodec } : {}),
      ...(createdAt === undefined ? {} : { createdAt }),
    };
    return { container, tags };
  } finally {
    input.dispose();
  }
}

/** The entry for the bare video at `path`, or undefined when it is not (yet) a readable video. */
export async function probeBareVideo(path: string): Promise<BareVideoEntry | undefined> {
  let read: Awaited<ReturnType<typeof readContainer>>;
  try {
    read = await readContainer(path);
  } catch {
    return undefined;
  }
  if (!read) return undefined;
  // Gone (moved or deleted) since it was read: the event for that is on its way.
  const fh = await open(path, 'r').catch(() => undefined);
  if (!fh) return undefined;
  try {
    const st = await fh.stat();
    const provenance = provenanceFromTags(read.tags);
    return {
      kind: 'bare',
      id: await bareVideoId(fh, st.size),
      dir: dirname(path),
      fileName: basename(path),
      bytes: st.size,
      mtimeMs: st.mtimeMs,
      container: read.container,
      ...(provenance ? { provenance } : {}),
    };
  } finally {
    await fh.close();
  }
}
