import { open, type FileHandle } from 'node:fs/promises';

/**
 * What the top-level boxes of an MP4 or QuickTime file tell that mediabunny
 * does not: whether the file is whole, and the creation time its movie header
 * (`moov/mvhd`) records. A file still being copied can look like a good video
 * to a demuxer (a "fast start" file has its index up front, so half of it
 * reads as all of it); only its last box running past the end of the file
 * gives it away. Encoders that know no time write 0 (1904) as the creation
 * time, so only a time after 2000 is believed.
 */

/** Seconds from 1904-01-01 (the QuickTime epoch) to 1970-01-01. */
const QUICKTIME_EPOCH_OFFSET_S = 2_082_844_800;
const BELIEVABLE_FROM_MS = Date.UTC(2000, 0, 1);
/** Top-level boxes looked at before giving up: a real file has a handful. */
const MAX_BOXES = 64;

interface Box {
  type: string;
  /** Where the box's content starts and ends, in the file. */
  start: number;
  end: number;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

async function boxAt(fh: FileHandle, position: number, limit: number): Promise<Box | undefined> {
  const head = await readAt(fh, position, 16);
  if (head.length < 8) return undefined;
  let size = head.readUInt32BE(0);
  const type = head.toString('latin1', 4, 8);
  let headerSize = 8;
  if (size === 1) {
    if (head.length < 16) return undefined;
    size = Number(head.readBigUInt64BE(8));
    headerSize = 16;
  } else if (size === 0) {
    size = limit - position;
  }
  if (size < headerSize || position + size > limit) return undefined;
  return { type, start: position + headerSize, end: position + size };
}

async function findBox(fh: FileHandle, from: number, to: number, type: string): Promise<Box | undefined> {
  let position = from;
  for (let i = 0; i < MAX_BOXES && position < to; i += 1) {
    const box = await boxAt(fh, position, to);
    if (!box) return undefined;
    if (box.type === type) return box;
    position = box.end;
  }
  return undefined;
}

export interface IsoBmffFacts {
  /** Every top-level box ends inside the file: nothing is still to be written. */
  complete: boolean;
  /** The movie header's creation time in ms since the epoch, when believable. */
  createdAt?: number;
}

async function creationTime(fh: FileHandle, mvhd: Box): Promise<number | undefined> {
  const body = await readAt(fh, mvhd.start, 12);
  if (body.length < 8) return undefined;
  const version = body.readUInt8(0);
  const seconds = version === 1 ? (body.length < 12 ? undefined : Number(body.readBigUInt64BE(4))) : body.readUInt32BE(4);
  if (seconds === undefined) return undefined;
  const ms = (seconds - QUICKTIME_EPOCH_OFFSET_S) * 1000;
  return ms >= BELIEVABLE_FROM_MS && Number.isFinite(ms) ? ms : undefined;
}

export async function readIsoBmffFacts(path: string): Promise<IsoBmffFacts> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    let position = 0;
    let moov: Box | undefined;
    for (let i = 0; i < MAX_BOXES && position < size; i += 1) {
      // A box whose header or length runs past the end: the rest of the file is not there yet.
      const box = await boxAt(fh, position, size);
      if (!box) return { complete: false };
      if (box.type === 'moov') moov = box;
      position = box.end;
    }
    if (position < size || !moov) return { complete: position >= size && moov !== undefined };
    const mvhd = await findBox(fh, moov.start, moov.end, 'mvhd');
    const createdAt = mvhd && (await creationTime(fh, mvhd));
    return createdAt === undefined ? { complete: true } : { complete: true, createdAt };
  } finally {
    await fh.close();
  }
}
