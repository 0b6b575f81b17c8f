import { open } from 'node:fs/promises';

/**
 * The creation time a WebM or Matroska file records in its segment header
 * (`Segment/Info/DateUTC`), which mediabunny does not expose: ffmpeg,
 * OBS and most editors write it there rather than as a DATE tag. Only the
 * head of the file is read; the Info element comes before the first cluster.
 */

const EBML_HEADER = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const DATE_UTC = 0x4461;
const CLUSTER = 0x1f43b675;
/** Bytes read from the start of the file: the Info element sits within the first few hundred. */
const HEAD_BYTES = 64 * 1024;
/** DateUTC counts nanoseconds from here. */
const MATROSKA_EPOCH_MS = Date.UTC(2001, 0, 1);

interface Element {
  id: number;
  /** Where the element's content starts, and ends (undefined: unknown size, runs to its parent's end). */
  start: number;
  end: number | undefined;
}

/** A variable-length integer at `pos`: its length in bytes, and its value with (ids) or without (sizes) the length marker. */
function vint(buf: Buffer, pos: number, keepMarker: boolean): { length: number; value: number; allOnes: boolean } | undefined {
  const first = buf[pos];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (pos + length > buf.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i += 1) {
    const byte = buf[pos + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { length, value, allOnes };
}

function elementAt(buf: Buffer, pos: number): Element | undefined {
  const id = vint(buf, pos, true);
  if (!id || id.length > 4) return undefined;
  const size = vint(buf, pos + id.length, false);
  if (!size) return undefined;
  const start = pos + id.length + size.length;
  return { id: id.value, start, end: size.allOnes ? undefined : start + size.value };
}

/** The first child of `id` between `from` and `to`, stopping at the first cluster (media data follows). */
function findChild(buf: Buffer, from: number, to: number, id: number): Element | undefined {
  let pos = from;
  while (pos < to) {
    const el = elementAt(buf, pos);
    if (!el || el.id === CLUSTER) return undefined;
    if (el.id === id) return el;
    if (el.end === undefined) return undefined;
    pos = el.end;
  }
  return undefined;
}

/** The DateUTC in a Matroska head, in ms since the epoch; undefined when absent, zero (unknown) or unreadable. */
export function matroskaDateUtc(head: Buffer): number | undefined {
  const header = elementAt(head, 0);
  if (header?.id !== EBML_HEADER || header.end === undefined) return undefined;
  const segment = elementAt(head, header.end);
  if (segment?.id !== SEGMENT) return undefined;
  const segmentEnd = Math.min(segment.end ?? head.length, head.length);
  const info = findChild(head, segment.start, segmentEnd, INFO);
  if (!info) return undefined;
  const date = findChild(head, info.start, Math.min(info.end ?? segmentEnd, segmentEnd), DATE_UTC);
  if (!date || date.end === undefined || date.end - date.start !== 8 || date.end > head.length) return undefined;
  const ns = head.readBigInt64BE(date.start);
  // Zero is what a writer that knows no time leaves: 2001-01-01 is not made up as a creation time.
  if (ns === 0n) return undefined;
  const ms = MATROSKA_EPOCH_MS + Number(ns / 1_000_000n);
  return Number.isFinite(ms) ? ms : undefined;
}

export async function readMatroskaDateUtc(path: string): Promise<number | undefined> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
    return matroskaDateUtc(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}
