import { appFailure, errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';

/**
 * How a sequence becomes one MP4, decided from the clips' streams alone (no
 * file is written here). Packet copy — the clips' compressed frames joined as
 * they are, no quality lost and no encoder needed — when every clip's streams
 * match and every cut can be made on the compressed stream; a re-encode
 * otherwise, with the reasons.
 *
 * Cuts on the compressed stream:
 * - An in-point must start on a key frame: the frames before the next key
 *   frame cannot be decoded without the ones before them. The first clip is
 *   the exception: it starts at the key frame before its in-point and the
 *   file's edit list (elst) hides the frames up to the in-point, which every
 *   player honours for a file's first edit. A later clip whose in-point falls
 *   between key frames is re-encoded (an edit list with one entry per clip is
 *   not played right by browsers).
 * - An out-point drops the frames from it on; with reordered frames (B-frames)
 *   the kept frames must be one unbroken run in decode order, else a kept
 *   frame would lose a reference frame that was dropped.
 *
 * Durations are laid on the frame grid so the total stays within half a frame
 * of the sum of the trims: clip k gets round(Σ₁..ₖ trims × fps) − round(Σ₁..ₖ₋₁ trims × fps) frames.
 */

export interface PacketMeta {
  /** Presentation time, seconds. */
  timestamp: number;
  duration: number;
  key: boolean;
}

export interface VideoStream {
  codec: string;
  /** Hex of the decoder configuration (avcC/hvcC…): packets of one stream are only valid with their own. */
  description: string;
  width: number;
  height: number;
  rotation: number;
  /** In decode order. */
  packets: PacketMeta[];
}

export interface AudioStream {
  codec: string;
  description: string;
  sampleRate: number;
  channels: number;
  /** In decode order (= presentation order for the audio codecs MP4 carries). */
  packets: PacketMeta[];
}

export interface ClipStreams {
  durationS: number;
  video: VideoStream;
  audio?: AudioStream;
}

export interface Trim {
  in?: number;
  out?: number;
}

/** One clip's part in a packet copy: decode-order ranges [start, end) and where it lands in the output. */
export interface ClipCut {
  video: { start: number; end: number };
  /** Presentation time (source) of the clip's first shown frame: source time t lands at `offsetS + t - firstShownS`. */
  firstShownS: number;
  offsetS: number;
  frames: number;
  audio?: { start: number; end: number };
}

export interface CopyPlan {
  method: 'copy';
  durationS: number;
  frameDurationS: number;
  cuts: ClipCut[];
  videoPackets: number;
  audioPackets: number;
  hasAudio: boolean;
}

export interface ReencodePlan {
  method: 'reencode';
  durationS: number;
  /** The trims clamped to each clip, seconds. */
  trims: { in: number; out: number }[];
  reasons: ErrorMessage[];
}

export type ExportPlan = CopyPlan | ReencodePlan;

/** Frames at most this far from a frame-grid time count as on it (clock rounding in timescales). */
const GRID_EPSILON = 1e-4;

/** Median spacing of presentation times: the frame duration of a constant-rate stream. */
export function frameDurationOf(packets: readonly PacketMeta[]): number {
  const times = packets.map((p) => p.timestamp).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push((times[i] as number) - (times[i - 1] as number));
  if (gaps.length === 0) return packets[0]?.duration || 1 / 24;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] as number;
}

/** The trim of clip `index` (1-based) clamped to its length; a trim starting at or past the end is refused. */
export function clampTrim(trim: Trim, durationS: number, index: number, file: string): { in: number; out: number } {
  const start = trim.in ?? 0;
  const end = Math.min(trim.out ?? durationS, durationS);
  if (start >= end) {
    throw appFailure('invalid_request', errorMessage('sequence.trim_past_end', { index, file, duration: round3(durationS) }), { retryable: false });
  }
  return { in: start, out: end };
}

export function planExport(clips: readonly { streams: ClipStreams; trim: { in: number; out: number } }[]): ExportPlan {
  const reasons = mismatchReasons(clips.map((c) => c.streams));
  const total = clips.reduce((sum, c) => sum + (c.trim.out - c.trim.in), 0);
  const reencode = (why: ErrorMessage[]): ReencodePlan => ({ method: 'reencode', durationS: total, trims: clips.map((c) => c.trim), reasons: why });
  if (reasons.length > 0) return reencode(reasons);

  const first = clips[0];
  if (!first) return reencode([]);
  const frameDurationS = frameDurationOf(first.streams.video.packets);
  const fps = 1 / frameDurationS;
  const cuts: ClipCut[] = [];
  let elapsed = 0;
  let framesBefore = 0;
  for (const [i, clip] of clips.entries()) {
    elapsed += clip.trim.out - clip.trim.in;
    const framesAfter = Math.round(elapsed * fps);
    const cut = cutVideo(clip.streams.video, clip.trim.in, framesAfter - framesBefore, i === 0);
    if (typeof cut === 'string') return reencode([errorMessage(cut, { index: i + 1 })]);
    const offsetS = framesBefore * frameDurationS;
    const audio = clip.streams.audio && cutAudio(clip.streams.audio, cut.firstShownS, cut.frames * frameDurationS, i === 0);
    cuts.push({ ...cut, offsetS, ...(audio ? { audio } : {}) });
    framesBefore += cut.frames;
  }
  const count = (pick: (c: ClipCut) => { start: number; end: number } | undefined) => cuts.reduce((n, c) => n + rangeLength(pick(c)), 0);
  return {
    method: 'copy',
    durationS: framesBefore * frameDurationS,
    frameDurationS,
    cuts,
    videoPackets: count((c) => c.video),
    audioPackets: count((c) => c.audio),
    hasAudio: first.streams.audio !== undefined,
  };
}

const rangeLength = (r: { start: number; end: number } | undefined) => (r ? r.end - r.start : 0);

/** Why the clips' streams cannot share one track each (empty when they can), naming the first differing clip. */
export function mismatchReasons(streams: readonly ClipStreams[]): ErrorMessage[] {
  const [first, ...rest] = streams;
  if (!first) return [];
  const fd = frameDurationOf(first.video.packets);
  for (const [i, s] of rest.entries()) {
    const index = i + 2;
    // The size first: it is the difference a person sees (a size change also changes the decoder configuration).
    if (s.video.width !== first.video.width || s.video.height !== first.video.height || s.video.rotation !== first.video.rotation) {
      return [errorMessage('sequence.reencode.size', { index })];
    }
    if (s.video.codec !== first.video.codec || s.video.description !== first.video.description) return [errorMessage('sequence.reencode.codec', { index })];
    if (Math.abs(frameDurationOf(s.video.packets) - fd) > fd * 1e-3) return [errorMessage('sequence.reencode.frame_rate', { index })];
    const a = first.audio;
    const b = s.audio;
    const sameAudio =
      (a === undefined && b === undefined) ||
      (a !== undefined && b !== undefined && a.codec === b.codec && a.description === b.description && a.sampleRate === b.sampleRate && a.channels === b.channels);
    if (!sameAudio) return [errorMessage('sequence.reencode.audio', { index })];
  }
  return [];
}

type CutFailure = 'sequence.reencode.in_point' | 'sequence.reencode.reordered';

/**
 * The decode-order run holding `frames` frames shown from the in-point on.
 * `leading`: the first clip may start at the key frame before its in-point
 * (the frames before the in-point are hidden by the edit list).
 */
function cutVideo(video: VideoStream, inS: number, frames: number, leading: boolean): Omit<ClipCut, 'offsetS' | 'audio'> | CutFailure {
  const fd = frameDurationOf(video.packets);
  const order = video.packets.map((p, decodeIndex) => ({ ...p, decodeIndex })).sort((a, b) => a.timestamp - b.timestamp);
  // The first frame at or after the in-point (one within half a frame of it counts as at it).
  const startAt = order.findIndex((p) => p.timestamp >= inS - fd / 2 - GRID_EPSILON);
  const shown = order.slice(Math.max(0, startAt), Math.max(0, startAt) + Math.max(1, frames));
  const firstShown = shown[0];
  if (startAt < 0 || !firstShown) return 'sequence.reencode.in_point';
  const decodeIndices = shown.map((p) => p.decodeIndex);
  let start = Math.min(...decodeIndices);
  const end = Math.max(...decodeIndices) + 1;
  if (!video.packets[start]?.key) {
    if (!leading) return 'sequence.reencode.in_point';
    while (start > 0 && !video.packets[start]?.key) start--;
    if (!video.packets[start]?.key) return 'sequence.reencode.in_point';
  }
  // Every packet of the run is shown, or (first clip) comes before the first shown frame.
  const shownSet = new Set(decodeIndices);
  for (let d = start; d < end; d++) {
    if (shownSet.has(d)) continue;
    const p = video.packets[d] as PacketMeta;
    if (!(leading && p.timestamp < firstShown.timestamp)) return 'sequence.reencode.reordered';
  }
  return { video: { start, end }, firstShownS: firstShown.timestamp, frames: shown.length };
}

/**
 * Audio packets whose middle falls inside the clip's shown span; the first
 * clip also keeps the packet just before it, hidden by the edit list, so the
 * decoder is primed and the first sound is clean.
 */
function cutAudio(audio: AudioStream, fromS: number, spanS: number, leading: boolean): { start: number; end: number } | undefined {
  const mid = (p: PacketMeta) => p.timestamp + p.duration / 2;
  let start = audio.packets.findIndex((p) => mid(p) >= fromS - GRID_EPSILON);
  if (start < 0) return undefined;
  let end = start;
  while (end < audio.packets.length && mid(audio.packets[end] as PacketMeta) < fromS + spanS - GRID_EPSILON) end++;
  if (leading && start > 0) start--;
  return end > start ? { start, end } : undefined;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
