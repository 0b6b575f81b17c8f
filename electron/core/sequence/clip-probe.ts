import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input, type InputAudioTrack, type InputVideoTrack } from 'mediabunny';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import type { ResolvedClip } from './clip-files.js';
import type { AudioStream, ClipStreams, PacketMeta, VideoStream } from './export-plan.js';

/**
 * Reads what the export plan needs of a clip: its streams' decoder settings
 * and every packet's timing (metadata only: no frame data is read here).
 * mediabunny demuxes MP4/MOV in plain Node, without WebCodecs.
 */

export interface OpenClip extends ResolvedClip {
  input: Input;
  videoTrack: InputVideoTrack;
  audioTrack: InputAudioTrack | undefined;
  streams: ClipStreams;
}

const unreadable = (clip: ResolvedClip, detail?: string) =>
  appFailure('invalid_file', errorMessage('sequence.clip_unreadable', { index: clip.index, file: clip.file }), {
    retryable: false,
    ...(detail === undefined ? {} : { detail }),
  });

export async function openClip(clip: ResolvedClip, signal?: AbortSignal): Promise<OpenClip> {
  const input = new Input({ source: new FilePathSource(clip.path), formats: ALL_FORMATS });
  try {
    const videoTrack = await input.getPrimaryVideoTrack();
    if (!videoTrack) {
      throw appFailure('invalid_file', errorMessage('sequence.clip_no_video', { index: clip.index, file: clip.file }), { retryable: false });
    }
    const audioTrack = (await input.getPrimaryAudioTrack()) ?? undefined;
    const video = await describeVideo(videoTrack, signal);
    const audio = audioTrack ? await describeAudio(audioTrack, signal) : undefined;
    const durationS = await videoTrack.computeDuration();
    return { ...clip, input, videoTrack, audioTrack, streams: { durationS, video, ...(audio ? { audio } : {}) } };
  } catch (err) {
    input.dispose();
    if (signal?.aborted) throw err;
    if (err instanceof AppFailure) throw err;
    throw unreadable(clip, err instanceof Error ? err.message : String(err));
  }
}

async function describeVideo(track: InputVideoTrack, signal?: AbortSignal): Promise<VideoStream> {
  const config = await track.getDecoderConfig();
  if (!config) throw new Error('video track without a decoder configuration');
  return {
    codec: config.codec,
    description: hexOf(config.description),
    width: track.codedWidth,
    height: track.codedHeight,
    rotation: track.rotation,
    packets: await packetTimings(track, signal),
  };
}

async function describeAudio(track: InputAudioTrack, signal?: AbortSignal): Promise<AudioStream> {
  const config = await track.getDecoderConfig();
  if (!config) throw new Error('audio track without a decoder configuration');
  return {
    codec: config.codec,
    description: hexOf(config.description),
    sampleRate: config.sampleRate,
    channels: config.numberOfChannels,
    packets: await packetTimings(track, signal),
  };
}

async function packetTimings(track: InputVideoTrack | InputAudioTrack, signal?: AbortSignal): Promise<PacketMeta[]> {
  const out: PacketMeta[] = [];
  for await (const p of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
    signal?.throwIfAborted();
    out.push({ timestamp: p.timestamp, duration: p.duration, key: p.type === 'key' });
  }
  return out;
}

function hexOf(data: ArrayBuffer | SharedArrayBuffer | ArrayBufferView | undefined): string {
  if (data === undefined) return '';
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  return Buffer.from(bytes).toString('hex');
}
