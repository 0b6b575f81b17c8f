import type { IncomingHttpHeaders } from 'node:http';

/**
 * Decides what to do with a download response given how many bytes the .part
 * file already holds. Pure, so every Range corner case is testable without a
 * server. Whether the result CDN honours Range is unknown (contract §2), so
 * every answer a server may give to a Range request is handled.
 */

export type ResponsePlan =
  /** Write the body: appended to the part (206) or from byte 0 (200). */
  | { kind: 'write'; append: boolean; start: number; expectedTotal: number | undefined }
  /** The part cannot be continued: delete it and ask again from byte 0. */
  | { kind: 'restart' }
  /** 416 because the part already holds the whole file (a crash before rename). */
  | { kind: 'complete'; total: number }
  | { kind: 'fail' };

export interface ContentRange {
  start: number;
  end: number;
  total: number | undefined;
}

/** Parses `bytes 100-199/1000` or `bytes 100-199/*`. */
export function parseContentRange(value: string | null): ContentRange | undefined {
  const m = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = m[3] === '*' ? undefined : Number(m[3]);
  if (end < start || (total !== undefined && end >= total)) return undefined;
  return { start, end, total };
}

/** Parses the `bytes *\/1000` form a 416 carries. */
export function parseUnsatisfiedRange(value: string | null): number | undefined {
  const m = /^bytes\s+\*\/(\d+)$/i.exec(value?.trim() ?? '');
  return m ? Number(m[1]) : undefined;
}

function contentLength(headers: Headers): number | undefined {
  // With a content coding, Content-Length counts compressed bytes while fetch
  // hands us decoded ones: the number would wrongly flag a truncation.
  const coding = headers.get('content-encoding');
  if (coding && coding.trim().toLowerCase() !== 'identity') return undefined;
  const raw = headers.get('content-length');
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

export function planResponse(status: number, headers: Headers, offset: number): ResponsePlan {
  if (status === 200) {
    // Either a fresh download or the server ignored Range: both start at 0.
    return { kind: 'write', append: false, start: 0, expectedTotal: contentLength(headers) };
  }
  if (status === 206) {
    const range = parseContentRange(headers.get('content-range'));
    if (!range || range.start !== offset) return { kind: 'restart' };
    const length = contentLength(headers);
    const expectedTotal = range.total ?? (length === undefined ? undefined : offset + length);
    return { kind: 'write', append: offset > 0, start: offset, expectedTotal };
  }
  if (status === 416 && offset > 0) {
    const total = parseUnsatisfiedRange(headers.get('content-range'));
    return total === offset ? { kind: 'complete', total } : { kind: 'restart' };
  }
  return { kind: 'fail' };
}

/** The headers the planner and the failure messages read. */
const PLANNED_HEADERS = ['content-length', 'content-range', 'content-encoding', 'retry-after'] as const;

/** Node's response headers as WHATWG Headers, for planResponse and failureForStatus. */
export function headersOf(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name of PLANNED_HEADERS) {
    const value = raw[name];
    // A value WHATWG Headers refuses is treated as absent, like one that does not parse.
    try {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    } catch {
      headers.delete(name);
    }
  }
  return headers;
}
