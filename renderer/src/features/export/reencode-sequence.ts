import type * as MediabunnyModule from 'mediabunny';
import type { MetadataTags } from 'mediabunny';
import type { ExportPlanView } from '../../../../shared/ipc/sequence-views';
import { etaMs } from './eta';

/**
 * The re-encode path of a sequence export, in the page: clips whose streams
 * differ (a 16:9 and a 9:16 take, another codec or sound) cannot be joined as
 * they are, and only the page has encoders (WebCodecs; main runs on Node,
 * which has none). mediabunny decodes each clip from its `clip` media URL,
 * every frame is drawn on the first clip's frame size (letterboxed) and frame
 * grid, the sound resampled to one rate, and the muxed file streams back to
 * main in pieces as it is written.
 *
 * H.264 for the picture (every player takes it); AAC for the sound where the
 * platform can encode it (macOS, Windows), else Opus, which Chromium, Firefox
 * and Safari play in MP4 (Linux Chromium has no AAC encoder).
 */

export interface ReencodeOptions {
  plan: ExportPlanView;
  /** Stores a piece of the file at `position`; pieces can go back (the muxer fills in its header last). */
  write(position: number, bytes: Uint8Array): Promise<void>;
  tags?: MetadataTags;
  signal?: AbortSignal;
  onProgress?(fraction: number, etaMs: number | undefined): void;
  now?: () => number;
}

export interface ReencodeResult {
  frames: number;
  durationS: number;
  audioCodec: 'aac' | 'opus' | undefined;
}

/** Largest piece handed to `write` (the contract's chunk bound). */
export const PIECE_MAX = 1024 * 1024;

export async function reencodeSequence(opts: ReencodeOptions): Promise<ReencodeResult> {
  const mb = await import('mediabunny');
  const { plan, signal } = opts;
  const now = opts.now ?? (() => performance.now());
  const fps = plan.target.frameRate > 0 ? plan.target.frameRate : 24;
  const fd = 1 / fps;
  // H.264 needs even dimensions.
  const width = even(plan.target.width);
  const height = even(plan.target.height);

  const inputs = plan.clips.map((c) => new mb.Input({ source: new mb.UrlSource(c.mediaUrl), formats: mb.ALL_FORMATS }));
  try {
    const videos = await Promise.all(inputs.map((i) => i.getPrimaryVideoTrack()));
    const audios = await Promise.all(inputs.map((i) => i.getPrimaryAudioTrack()));
    const withSound = audios.some((a) => a !== null);
    const sampleRate = plan.target.sampleRate ?? 48_000;
    const channels = Math.min(2, plan.target.channels ?? 2);
    const aacOk = withSound && (await mb.canEncodeAudio('aac', { sampleRate, numberOfChannels: channels }));
    const audioCodec = withSound ? (aacOk ? 'aac' : 'opus') : undefined;
    // Opus encodes at 48 kHz; AAC keeps the first clip's rate.
    const outRate = audioCodec === 'opus' ? 48_000 : sampleRate;

    const output = new mb.Output({
      format: new mb.Mp4OutputFormat({ fastStart: false }),
      target: new mb.StreamTarget(new WritableStream<{ data: Uint8Array; position: number }>({ write: (chunk) => writePieces(opts, chunk.position, chunk.data) }), { chunked: true, chunkSize: PIECE_MAX }),
    });
    const videoSource = new mb.VideoSampleSource({ codec: 'avc', bitrate: mb.QUALITY_HIGH, keyFrameInterval: 2, sizeChangeBehavior: 'contain' });
    output.addVideoTrack(videoSource, { frameRate: fps });
    const audioSource = audioCodec
      ? new mb.AudioSampleSource({ codec: audioCodec, bitrate: mb.QUALITY_HIGH, transform: { sampleRate: outRate, numberOfChannels: channels } })
      : undefined;
    if (audioSource) output.addAudioTrack(audioSource);
    if (opts.tags) output.setMetadataTags(opts.tags);

    const counts = frameCounts(plan, fps);
    const total = counts.reduce((a, b) => a + b, 0);
    const started = now();
    let done = 0;
    try {
      await output.start();
      let offsetFrames = 0;
      for (const [i, clip] of plan.clips.entries()) {
        const video = videos[i];
        if (!video) throw new Error(`clip ${i + 1} has no video track`);
        const frames = counts[i] ?? 0;
        const offset = offsetFrames * fd;
        const sink = new mb.CanvasSink(video, { width, height, fit: 'contain', poolSize: 2 });
        // A quarter frame in: the source frame shown at that instant, whatever its own frame rate.
        const times = Array.from({ length: frames }, (_, k) => clip.in + (k + 0.25) * fd);
        let k = 0;
        for await (const wrapped of sink.canvasesAtTimestamps(times)) {
          signal?.throwIfAborted();
          if (wrapped) {
            const sample = new mb.VideoSample(wrapped.canvas, { timestamp: offset + k * fd, duration: fd });
            await videoSource.add(sample);
            sample.close();
          }
          k++;
          done++;
          opts.onProgress?.(done / total, etaMs(now() - started, done / total));
        }
        if (audioSource) await addSound(mb, audioSource, audios[i] ?? null, clip.in, frames * fd, offset, channels, signal);
        offsetFrames += frames;
      }
      signal?.throwIfAborted();
      await output.finalize();
      return { frames: total, durationS: total * fd, audioCodec };
    } catch (err) {
      if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => undefined);
      throw err;
    }
  } finally {
    for (const input of inputs) input.dispose();
  }
}

type Mediabunny = typeof MediabunnyModule;

/** The clip's sound from `fromS` for `spanS`, placed at `offset`; silence for a clip without sound. */
async function addSound(
  mb: Mediabunny,
  source: InstanceType<Mediabunny['AudioSampleSource']>,
  track: InstanceType<Mediabunny['InputAudioTrack']> | null,
  fromS: number,
  spanS: number,
  offset: number,
  channels: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!track) {
    const rate = 48_000;
    const frames = Math.round(spanS * rate);
    const silence = new mb.AudioSample({ data: new Float32Array(frames * channels), format: 'f32-planar', numberOfChannels: channels, sampleRate: rate, timestamp: offset });
    await source.add(silence);
    silence.close();
    return;
  }
  const endS = fromS + spanS;
  for await (const { buffer, timestamp } of new mb.AudioBufferSink(track).buffers(fromS, endS)) {
    signal?.throwIfAborted();
    const rate = buffer.sampleRate;
    // Only the part of each decoded buffer inside the trim.
    const first = Math.max(0, Math.round((fromS - timestamp) * rate));
    const last = Math.min(buffer.length, Math.round((endS - timestamp) * rate));
    if (last <= first) continue;
    const n = last - first;
    const data = new Float32Array(n * buffer.numberOfChannels);
    for (let c = 0; c < buffer.numberOfChannels; c++) data.set(buffer.getChannelData(c).subarray(first, last), c * n);
    const sample = new mb.AudioSample({
      data,
      format: 'f32-planar',
      numberOfChannels: buffer.numberOfChannels,
      sampleRate: rate,
      timestamp: offset + timestamp + first / rate - fromS,
    });
    await source.add(sample);
    sample.close();
  }
}

/**
 * Frames per clip on the output's frame grid, so the total stays within half
 * a frame of the sum of the trims: clip k gets round(Σ₁..ₖ) − round(Σ₁..ₖ₋₁).
 */
export function frameCounts(plan: { clips: readonly { in: number; out: number }[] }, fps: number): number[] {
  let elapsed = 0;
  let before = 0;
  return plan.clips.map((c) => {
    elapsed += c.out - c.in;
    const after = Math.round(elapsed * fps);
    const n = after - before;
    before = after;
    return n;
  });
}

async function writePieces(opts: ReencodeOptions, position: number, data: Uint8Array): Promise<void> {
  for (let at = 0; at < data.length; at += PIECE_MAX) {
    await opts.write(position + at, data.subarray(at, Math.min(data.length, at + PIECE_MAX)));
  }
}

const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);
