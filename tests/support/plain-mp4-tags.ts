import { readFile } from 'node:fs/promises';

/**
 * The iTunes-style tags of an MP4 (moov/udta/meta/ilst), read by walking the
 * boxes by hand from the ISO BMFF layout, sharing no code with the app's own
 * reader or with mediabunny: a third opinion on what a file says it is.
 * 32-bit and 64-bit box sizes; a size of 0 runs to the end of its parent.
 */
export async function plainMp4Tags(path: string): Promise<Map<string, string>> {
  const file = await readFile(path);
  const tags = new Map<string, string>();
  const moov = child(file, 0, file.length, 'moov');
  const udta = moov && child(file, moov.body, moov.end, 'udta');
  const meta = udta && child(file, udta.body, udta.end, 'meta');
  // meta is a full box: 4 bytes of version and flags before its children.
  const ilst = meta && child(file, meta.body + 4, meta.end, 'ilst');
  if (!ilst) return tags;
  for (const item of boxes(file, ilst.body, ilst.end)) {
    const data = child(file, item.body, item.end, 'data');
    // data: 4 bytes type (1 = UTF-8), 4 bytes locale, then the value.
    if (data && file.readUInt32BE(data.body) === 1) tags.set(item.type, file.subarray(data.body + 8, data.end).toString('utf8'));
  }
  return tags;
}

interface Box {
  type: string;
  body: number;
  end: number;
}

function* boxes(buf: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString('latin1');
    let body = at + 8;
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (size === 0) size = end - at;
    if (size < body - at || at + size > end) return;
    yield { type, body, end: at + size };
    at += size;
  }
}

function child(buf: Buffer, start: number, end: number, type: string): Box | undefined {
  for (const b of boxes(buf, start, end)) if (b.type === type) return b;
  return undefined;
}
