import type { FileHandle } from 'node:fs/promises';

/**
 * Just enough ISO BMFF (MP4) box handling to rewrite a file's metadata
 * without touching its media: the top-level boxes located by their headers
 * alone (an mdat of gigabytes is never read), and the moov parsed into a tree
 * that can be changed and written back with every size recomputed.
 */

export interface TopBox {
  type: string;
  start: number;
  /** Whole box, header included. */
  size: number;
}

/** The top-level boxes of a file, from their headers; undefined when the bytes are not a sequence of boxes. */
export async function listTopBoxes(fh: FileHandle, fileSize: number): Promise<TopBox[] | undefined> {
  const boxes: TopBox[] = [];
  const head = Buffer.alloc(16);
  let at = 0;
  while (at < fileSize) {
    const { bytesRead } = await fh.read(head, 0, 16, at);
    if (bytesRead < 8) return undefined;
    const size32 = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    let size: number;
    if (size32 === 1) {
      if (bytesRead < 16) return undefined;
      size = Number(head.readBigUInt64BE(8));
    } else if (size32 === 0) {
      size = fileSize - at;
    } else {
      size = size32;
    }
    if (size < 8 || at + size > fileSize) return undefined;
    boxes.push({ type, start: at, size });
    at += size;
  }
  return boxes;
}

/** A box in a parsed tree: either its payload or its children (after `prefix`, a full box's version and flags). */
export interface BoxNode {
  type: string;
  payload?: Uint8Array;
  prefix?: Uint8Array;
  children?: BoxNode[];
}

/** Boxes whose payload is only child boxes, and `meta`, whose children follow 4 bytes of version and flags. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'udta', 'edts', 'dinf', 'ilst', 'mvex']);
const FULL_CONTAINERS = new Set(['meta']);

export class BoxFormatError extends Error {}

/** Parses `data` (the payload of a container) into boxes; throws BoxFormatError on a size that does not fit. */
export function parseBoxes(data: Uint8Array): BoxNode[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: BoxNode[] = [];
  let at = 0;
  while (at + 8 <= data.length) {
    let size = view.getUint32(at);
    const type = latin1(data.subarray(at + 4, at + 8));
    let header = 8;
    if (size === 1) {
      if (at + 16 > data.length) throw new BoxFormatError(`box ${type} is cut short`);
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = data.length - at;
    }
    if (size < header || at + size > data.length) throw new BoxFormatError(`box ${type} does not fit its parent`);
    const body = data.subarray(at + header, at + size);
    out.push(nodeOf(type, body));
    at += size;
  }
  if (at !== data.length && data.subarray(at).some((b) => b !== 0)) throw new BoxFormatError('trailing bytes after the last box');
  return out;
}

function nodeOf(type: string, body: Uint8Array): BoxNode {
  // An ilst item (©nam…) is a container of `data` boxes; any box inside ilst is.
  if (CONTAINERS.has(type)) return { type, children: parseBoxes(body) };
  if (FULL_CONTAINERS.has(type) && body.length >= 4) {
    // QuickTime writes `meta` without version and flags: its first four bytes are then a box size.
    const looksLikeBox = body.length >= 8 && latin1(body.subarray(4, 8)) === 'hdlr';
    return looksLikeBox ? { type, children: parseBoxes(body) } : { type, prefix: body.subarray(0, 4), children: parseBoxes(body.subarray(4)) };
  }
  return { type, payload: body };
}

/** Parses an ilst's items: each a container of `data` boxes. */
export function ilstItems(ilst: BoxNode): BoxNode[] {
  return (ilst.children ?? []).map((item) => (item.payload ? { type: item.type, children: parseBoxes(item.payload) } : item));
}

export function serializeBox(node: BoxNode): Uint8Array {
  const parts: Uint8Array[] = [];
  if (node.prefix) parts.push(node.prefix);
  if (node.children) for (const c of node.children) parts.push(serializeBox(c));
  else if (node.payload) parts.push(node.payload);
  const bodyLength = parts.reduce((n, p) => n + p.length, 0);
  const large = bodyLength + 8 > 0xffffffff;
  const header = new Uint8Array(large ? 16 : 8);
  const view = new DataView(header.buffer);
  view.setUint32(0, large ? 1 : bodyLength + 8);
  header.set(Buffer.from(node.type, 'latin1'), 4);
  if (large) view.setBigUint64(8, BigInt(bodyLength + 16));
  const out = new Uint8Array(header.length + bodyLength);
  out.set(header, 0);
  let at = header.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const box = (type: string, payload: Uint8Array): BoxNode => ({ type, payload });

export function child(node: BoxNode | undefined, type: string): BoxNode | undefined {
  return node?.children?.find((c) => c.type === type);
}

export const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
