import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BoxFormatError, box, child, ilstItems, latin1, listTopBoxes, parseBoxes, serializeBox, type BoxNode, type TopBox } from './mp4-boxes.js';

/**
 * How a video was made, inside the video itself: a file sent on without its
 * sidecar still carries its prompt, model, seed, task id and app version.
 * Standard iTunes-style metadata that players and `ffprobe` show:
 *
 *   moov/udta/meta(hdlr mdir)/ilst
 *     ©nam  the prompt (players show it as the title)
 *     ©cmt  {"keyframe":1,"model":…,"seed":…,"taskId":…,"appVersion":…,"prompt":…}
 *     ©too  "Keyframe <version>"
 *
 * Written without re-encoding, by rewriting boxes: the udta in moov is
 * replaced (other metadata items in it are kept) and, since moov grows or
 * shrinks, every chunk offset (stco/co64) that points past the old moov moves
 * by the same amount. A fast-start file (moov before mdat, as the provider's
 * are) needs that; with moov at the end nothing points past it.
 */

export interface Mp4Provenance {
  prompt: string;
  model: string;
  seed?: number | undefined;
  taskId: string;
  appVersion: string;
}

export type ProvenanceWrite = { written: true } | { written: false; reason: string };

/** A moov is kilobytes (a 4K hour is a few MB of tables); anything past this is not rewritten in memory. */
const MOOV_MAX_BYTES = 64 * 1024 * 1024;
const ITEM_PROMPT = '\u00a9nam';
const ITEM_COMMENT = '\u00a9cmt';
const ITEM_TOOL = '\u00a9too';
const OURS = new Set([ITEM_PROMPT, ITEM_COMMENT, ITEM_TOOL]);

export function provenanceComment(p: Mp4Provenance): string {
  return JSON.stringify({ keyframe: 1, model: p.model, ...(p.seed === undefined ? {} : { seed: p.seed }), taskId: p.taskId, appVersion: p.appVersion, prompt: p.prompt });
}

/**
 * Writes the provenance into the MP4 at `path`, replacing the file atomically
 * (a temp file beside it, then a rename). A file whose structure this writer
 * does not handle (fragmented, no moov, a moov too large) is left as it is
 * and the reason returned: the video is good, only unlabelled. File-system
 * errors (a full disk) are thrown.
 */
export async function writeMp4Provenance(path: string, provenance: Mp4Provenance): Promise<ProvenanceWrite> {
  const fh = await open(path, 'r');
  let rewritten: { moov: Uint8Array; old: TopBox } | ProvenanceWrite;
  let size: number;
  try {
    size = (await fh.stat()).size;
    rewritten = await rewriteMoov(fh, size, provenance);
  } finally {
    await fh.close();
  }
  if (!('moov' in rewritten)) return rewritten;
  await replaceRange(path, size, rewritten.old, rewritten.moov);
  return { written: true };
}

async function rewriteMoov(fh: FileHandle, size: number, provenance: Mp4Provenance): Promise<{ moov: Uint8Array; old: TopBox } | ProvenanceWrite> {
  const top = await listTopBoxes(fh, size);
  if (!top) return { written: false, reason: 'not a sequence of MP4 boxes' };
  const moovs = top.filter((b) => b.type === 'moov');
  const old = moovs[0];
  if (!old || moovs.length > 1) return { written: false, reason: 'no single moov box' };
  if (top.some((b) => b.type === 'moof')) return { written: false, reason: 'a fragmented MP4' };
  if (old.size > MOOV_MAX_BYTES) return { written: false, reason: 'moov too large' };
  const bytes = Buffer.alloc(old.size);
  await fh.read(bytes, 0, old.size, old.start);
  let moov: BoxNode;
  try {
    const headerSize = bytes.readUInt32BE(0) === 1 ? 16 : 8;
    moov = { type: 'moov', children: parseBoxes(bytes.subarray(headerSize)) };
  } catch (err) {
    if (err instanceof BoxFormatError) return { written: false, reason: err.message };
    throw err;
  }
  withUdta(moov, provenance);
  // Offsets past the old moov move by the change in its size; widening an stco to co64 changes the size
  // again, so settle it: each round only ever widens, so it ends within a round or two.
  const oldEnd = old.start + old.size;
  let delta = 0;
  for (let round = 0; round < 4; round++) {
    const candidate = withShiftedOffsets(moov, oldEnd, delta);
    const next = serializeBox(candidate).length - old.size;
    if (next === delta) return { moov: serializeBox(candidate), old };
    delta = next;
  }
  return { written: false, reason: 'chunk offsets did not settle' };
}

/** Replaces (or adds) moov's udta with one holding our items and every other item and box it had. */
function withUdta(moov: BoxNode, p: Mp4Provenance): void {
  const children = moov.children ?? [];
  const udta = child(moov, 'udta');
  const meta = child(udta, 'meta');
  const keptItems = meta && handlerOf(meta) === 'mdir' ? ilstItems(child(meta, 'ilst') ?? { type: 'ilst', children: [] }).filter((i) => !OURS.has(i.type)) : [];
  const ilst: BoxNode = {
    type: 'ilst',
    children: [textItem(ITEM_PROMPT, p.prompt), textItem(ITEM_COMMENT, provenanceComment(p)), textItem(ITEM_TOOL, `Keyframe ${p.appVersion}`), ...keptItems],
  };
  const newMeta: BoxNode = { type: 'meta', prefix: new Uint8Array(4), children: [mdirHandler(), ilst] };
  const newUdta: BoxNode = { type: 'udta', children: [...(udta?.children ?? []).filter((c) => c.type !== 'meta'), newMeta] };
  moov.children = udta ? children.map((c) => (c === udta ? newUdta : c)) : [...children, newUdta];
}

function handlerOf(meta: BoxNode): string | undefined {
  const hdlr = child(meta, 'hdlr')?.payload;
  return hdlr && hdlr.length >= 12 ? latin1(hdlr.subarray(8, 12)) : undefined;
}

function mdirHandler(): BoxNode {
  // version/flags, pre_defined, handler 'mdir', reserved ('appl' as iTunes writes it, then 8 zero bytes), empty name.
  const payload = new Uint8Array(25);
  payload.set(Buffer.from('mdirappl', 'latin1'), 8);
  return box('hdlr', payload);
}

function textItem(type: string, text: string): BoxNode {
  const utf8 = Buffer.from(text, 'utf8');
  const data = new Uint8Array(8 + utf8.length);
  new DataView(data.buffer).setUint32(0, 1); // well-known type 1: UTF-8; locale 0
  data.set(utf8, 8);
  return { type, children: [box('data', data)] };
}

/** A copy of moov whose stco/co64 entries at or past `from` are moved by `delta` (an stco that would overflow becomes co64). */
function withShiftedOffsets(node: BoxNode, from: number, delta: number): BoxNode {
  if (node.type === 'stco' && node.payload) return shiftStco(node.payload, from, delta);
  if (node.type === 'co64' && node.payload) return { type: 'co64', payload: shiftCo64(node.payload, from, delta) };
  if (!node.children || node.type === 'udta') return node;
  return { ...node, children: node.children.map((c) => withShiftedOffsets(c, from, delta)) };
}

function shiftStco(payload: Uint8Array, from: number, delta: number): BoxNode {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const count = entryCount(view, 4);
  const shifted: number[] = [];
  for (let i = 0; i < count; i++) {
    const offset = view.getUint32(8 + i * 4);
    shifted.push(offset >= from ? offset + delta : offset);
  }
  if (shifted.every((o) => o <= 0xffffffff)) {
    const out = new Uint8Array(payload);
    const w = new DataView(out.buffer);
    shifted.forEach((o, i) => w.setUint32(8 + i * 4, o));
    return { type: 'stco', payload: out };
  }
  const out = new Uint8Array(8 + count * 8);
  const w = new DataView(out.buffer);
  w.setUint32(4, count);
  shifted.forEach((o, i) => w.setBigUint64(8 + i * 8, BigInt(o)));
  return { type: 'co64', payload: out };
}

function shiftCo64(payload: Uint8Array, from: number, delta: number): Uint8Array {
  const out = new Uint8Array(payload);
  const view = new DataView(out.buffer);
  const count = entryCount(view, 8);
  for (let i = 0; i < count; i++) {
    const offset = view.getBigUint64(8 + i * 8);
    if (offset >= BigInt(from)) view.setBigUint64(8 + i * 8, offset + BigInt(delta));
  }
  return out;
}

/** The table's entry count, refused when the table is shorter than it claims. */
function entryCount(view: DataView, entrySize: number): number {
  if (view.byteLength < 8) throw new BoxFormatError('chunk offset table is cut short');
  const count = view.getUint32(4);
  if (8 + count * entrySize > view.byteLength) throw new BoxFormatError('chunk offset table is cut short');
  return count;
}

/** Writes `path` again with `old` replaced by `moov`: a temp file beside it, synced, renamed over it. */
async function replaceRange(path: string, size: number, old: TopBox, moov: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tagging`);
  const src = await open(path, 'r');
  let dst: FileHandle | undefined;
  try {
    dst = await open(tmp, 'wx', 0o644);
    await copyRange(src, dst, 0, old.start);
    await dst.write(moov);
    await copyRange(src, dst, old.start + old.size, size);
    await dst.sync();
    await dst.close();
    dst = undefined;
    await rename(tmp, path);
  } catch (err) {
    await dst?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  } finally {
    await src.close();
  }
}

async function copyRange(src: FileHandle, dst: FileHandle, from: number, to: number): Promise<void> {
  const buf = Buffer.allocUnsafe(1024 * 1024);
  for (let at = from; at < to; ) {
    const { bytesRead } = await src.read(buf, 0, Math.min(buf.length, to - at), at);
    if (bytesRead === 0) throw new Error('the file shrank while its metadata was written');
    await dst.write(buf.subarray(0, bytesRead));
    at += bytesRead;
  }
}

/** The text items of moov/udta/meta/ilst (©nam, ©cmt…), by item type; empty when there are none. */
export async function readMp4Tags(path: string): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const moovBox = (await listTopBoxes(fh, size))?.find((b) => b.type === 'moov');
    if (!moovBox || moovBox.size > MOOV_MAX_BYTES) return tags;
    const bytes = Buffer.alloc(moovBox.size);
    await fh.read(bytes, 0, moovBox.size, moovBox.start);
    const moov: BoxNode = { type: 'moov', children: parseBoxes(bytes.subarray(bytes.readUInt32BE(0) === 1 ? 16 : 8)) };
    const ilst = child(child(child(moov, 'udta'), 'meta'), 'ilst');
    for (const item of ilst ? ilstItems(ilst) : []) {
      const data = child(item, 'data')?.payload;
      if (data && data.length >= 8 && new DataView(data.buffer, data.byteOffset).getUint32(0) === 1) {
        tags.set(item.type, Buffer.from(data.subarray(8)).toString('utf8'));
      }
    }
    return tags;
  } catch (err) {
    if (err instanceof BoxFormatError) return tags;
    throw err;
  } finally {
    await fh.close();
  }
}

/** The provenance Keyframe wrote into a video, or undefined when it carries none (or another tool's comment). */
export async function readMp4Provenance(path: string): Promise<Mp4Provenance | undefined> {
  const comment = (await readMp4Tags(path)).get(ITEM_COMMENT);
  if (comment === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(comment);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  if (o.keyframe !== 1 || typeof o.prompt !== 'string' || typeof o.model !== 'string' || typeof o.taskId !== 'string' || typeof o.appVersion !== 'string') return undefined;
  return {
    prompt: o.prompt,
    model: o.model,
    ...(typeof o.seed === 'number' && Number.isInteger(o.seed) ? { seed: o.seed } : {}),
    taskId: o.taskId,
    appVersion: o.appVersion,
  };
}
