/**
 * A contact sheet: N frames of a clip or of a whole sequence, evenly spaced
 * over its trims, in a grid on one PNG (each frame letterboxed in its cell,
 * its time written under it). Frames are decoded with mediabunny from the
 * media URLs, so no <video> element has to seek.
 */

export interface SheetSpan {
  url: string;
  in: number;
  out: number;
}

export interface ContactSheetOptions {
  frames: number;
  columns?: number;
  /** Width of one cell's picture, pixels (the height follows the first clip's shape). */
  cellWidth?: number;
  background?: string;
  signal?: AbortSignal;
}

const LABEL_HEIGHT = 18;
const GAP = 4;

/** Where each of `frames` frames falls: the middle of equal slices of the spans' total length. */
export function sheetTimes(spans: readonly SheetSpan[], frames: number): { span: number; time: number; at: number }[] {
  const total = spans.reduce((s, x) => s + (x.out - x.in), 0);
  const out: { span: number; time: number; at: number }[] = [];
  for (let k = 0; k < frames; k++) {
    const at = ((k + 0.5) / frames) * total;
    let start = 0;
    for (const [i, s] of spans.entries()) {
      const len = s.out - s.in;
      if (at < start + len || i === spans.length - 1) {
        out.push({ span: i, time: s.in + Math.min(len, at - start), at });
        break;
      }
      start += len;
    }
  }
  return out;
}

export async function contactSheetPng(spans: readonly SheetSpan[], opts: ContactSheetOptions): Promise<Blob> {
  if (spans.length === 0 || opts.frames < 1) throw new Error('Nothing to put on a contact sheet.');
  const mb = await import('mediabunny');
  const columns = Math.max(1, Math.min(opts.columns ?? Math.ceil(Math.sqrt(opts.frames)), opts.frames));
  const rows = Math.ceil(opts.frames / columns);
  const inputs = spans.map((s) => new mb.Input({ source: new mb.UrlSource(s.url), formats: mb.ALL_FORMATS }));
  try {
    const tracks = await Promise.all(inputs.map((i) => i.getPrimaryVideoTrack()));
    const first = tracks[0];
    if (!first) throw new Error('The first clip has no video track.');
    const cellW = Math.round(opts.cellWidth ?? 240);
    const cellH = Math.round((cellW * first.displayHeight) / Math.max(1, first.displayWidth));
    const sheet = new OffscreenCanvas(columns * cellW + (columns + 1) * GAP, rows * (cellH + LABEL_HEIGHT) + (rows + 1) * GAP);
    const ctx = sheet.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas here.');
    ctx.fillStyle = opts.background ?? '#111';
    ctx.fillRect(0, 0, sheet.width, sheet.height);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const times = sheetTimes(spans, opts.frames);
    for (const [cell, t] of times.entries()) {
      opts.signal?.throwIfAborted();
      const track = tracks[t.span];
      if (!track) continue;
      const wrapped = await new mb.CanvasSink(track, { width: cellW, height: cellH, fit: 'contain' }).getCanvas(t.time);
      const x = GAP + (cell % columns) * (cellW + GAP);
      const y = GAP + Math.floor(cell / columns) * (cellH + LABEL_HEIGHT + GAP);
      if (wrapped) ctx.drawImage(wrapped.canvas, x, y, cellW, cellH);
      ctx.fillStyle = '#ddd';
      ctx.fillText(timecode(t.at), x + 2, y + cellH + LABEL_HEIGHT / 2);
    }
    return await sheet.convertToBlob({ type: 'image/png' });
  } finally {
    for (const input of inputs) input.dispose();
  }
}

/** `m:ss.t`, the sheet's own clock (time into the sequence). */
export function timecode(seconds: number): string {
  const tenths = Math.floor(seconds * 10 + 1e-6);
  const m = Math.floor(tenths / 600);
  const s = Math.floor((tenths % 600) / 10);
  return `${m}:${String(s).padStart(2, '0')}.${tenths % 10}`;
}
