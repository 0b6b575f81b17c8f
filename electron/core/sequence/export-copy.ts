import {
  EncodedAudioPacketSource,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  FilePathTarget,
  Mp4OutputFormat,
  Output,
  type AudioCodec,
  type EncodedPacket,
  type InputAudioTrack,
  type InputVideoTrack,
  type MetadataTags,
  type VideoCodec,
} from 'mediabunny';
import type { OpenClip } from './clip-probe.js';
import type { CopyPlan, PacketMeta } from './export-plan.js';

/**
 * The lossless join: the clips' compressed packets written, retimed, into one
 * MP4 (packet copy: no decoding, no encoding, so the same bits as the
 * sources). mediabunny muxes in plain Node, which is why this path runs in
 * main and in the CLI; its encoders need WebCodecs, which only the page has
 * (renderer/src/features/export/reencode-sequence.ts re-encodes there). An
 * ffmpeg binary would re-encode in main too, but none installs from the
 * registry without downloading a build at install time (ffmpeg-static), and
 * the app would then ship an encoder of its own for every platform.
 *
 * The moov is written first (fast start: playable while it streams) into
 * space reserved from the exact packet counts the plan knows, so the file is
 * written front to back without holding it in memory.
 */

export interface CopyOptions {
  plan: CopyPlan;
  clips: readonly OpenClip[];
  target: string;
  tags: MetadataTags;
  signal?: AbortSignal;
  /** Packets written so far, of `total`. */
  onPackets?: (done: number, total: number) => void;
}

export async function writePacketCopy(opts: CopyOptions): Promise<void> {
  const { plan, clips } = opts;
  const first = clips[0];
  if (!first) throw new Error('a packet copy needs at least one clip');
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'reserve' }), target: new FilePathTarget(opts.target) });
  const video = new EncodedVideoPacketSource(first.videoTrack.codec as VideoCodec);
  output.addVideoTrack(video, { maximumPacketCount: Math.max(1, plan.videoPackets), ...(first.videoTrack.rotation ? { rotation: first.videoTrack.rotation } : {}) });
  const audio = plan.hasAudio && first.audioTrack ? new EncodedAudioPacketSource(first.audioTrack.codec as AudioCodec) : undefined;
  if (audio) output.addAudioTrack(audio, { maximumPacketCount: Math.max(1, plan.audioPackets) });
  output.setMetadataTags(opts.tags);

  const total = plan.videoPackets + plan.audioPackets;
  let done = 0;
  const step = () => {
    done++;
    if (done === total || done % 64 === 0) opts.onPackets?.(done, total);
  };
  try {
    await output.start();
    const videoConfig = await first.videoTrack.getDecoderConfig();
    const audioConfig = audio ? await first.audioTrack?.getDecoderConfig() : undefined;
    let videoMeta = videoConfig ? { decoderConfig: videoConfig } : undefined;
    let audioMeta = audioConfig ? { decoderConfig: audioConfig } : undefined;
    let audioEnd = -Infinity;
    for (const [i, cut] of plan.cuts.entries()) {
      const clip = clips[i] as OpenClip;
      const place = (p: EncodedPacket) => cut.offsetS + p.timestamp - cut.firstShownS;
      const lastShownEnd = cut.offsetS + cut.frames * plan.frameDurationS;
      for await (const p of packetRange(clip.videoTrack, clip.streams.video.packets, cut.video.start, cut.video.end, opts.signal)) {
        const at = place(p);
        // The clip's last frame lasts until the next clip starts, not as long as it did in its source.
        const duration = Math.max(0, Math.min(p.duration, lastShownEnd - at));
        await video.add(p.clone({ timestamp: at, duration }), videoMeta);
        videoMeta = undefined;
        step();
      }
      if (!audio || !cut.audio || !clip.audioTrack) continue;
      for await (const p of packetRange(clip.audioTrack, clip.streams.audio?.packets ?? [], cut.audio.start, cut.audio.end, opts.signal)) {
        // Audio packets are whole (about 20–50 ms): a packet that would overlap the previous clip's last one starts after it.
        const at = Math.max(audioEnd, place(p));
        await audio.add(p.clone({ timestamp: at }), audioMeta);
        audioMeta = undefined;
        audioEnd = at + p.duration;
        step();
      }
    }
    opts.signal?.throwIfAborted();
    await output.finalize();
  } catch (err) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => undefined);
    throw err;
  }
}

/**
 * Packets with decode index in [start, end), read with their data, in decode
 * order. The first is found by its time (`timings` are the track's packets as
 * planned), so a cut deep into a long clip does not read everything before it.
 */
async function* packetRange(
  track: InputVideoTrack | InputAudioTrack,
  timings: readonly PacketMeta[],
  start: number,
  end: number,
  signal?: AbortSignal,
): AsyncGenerator<EncodedPacket> {
  const sink = new EncodedPacketSink(track);
  const wanted = timings[start]?.timestamp;
  const first = wanted === undefined ? null : await sink.getPacket(wanted);
  // Two packets at one time (never in files Keyframe handles, but possible): read from the top instead.
  const direct = first !== null && first.timestamp === wanted && timings.filter((t) => t.timestamp === wanted).length === 1;
  let index = direct ? start : 0;
  for await (const p of direct ? sink.packets(first) : sink.packets()) {
    signal?.throwIfAborted();
    if (index >= end) break;
    if (index >= start) yield p;
    index++;
  }
}
