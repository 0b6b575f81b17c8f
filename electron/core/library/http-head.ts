import type { IncomingHttpHeaders } from 'node:http';

/**
 * The status line and header fields of an HTTP/1.1 response, as the socket
 * GET reads them. Only what a file download needs: a status and lower-case
 * header names, duplicates joined as node:http joins them.
 */

/** A response head larger than this is not a file host's answer. */
export const MAX_HEAD_BYTES = 64 * 1024;

export interface ResponseHead {
  statusCode: number;
  headers: IncomingHttpHeaders;
}

/** The answer is not HTTP/1.x as this reader understands it. */
export class MalformedResponseError extends Error {
  constructor(detail: string) {
    super(`The video host sent a malformed response: ${detail}.`);
    this.name = 'MalformedResponseError';
  }
}

/**
 * Fields that carry one value. A repeated one keeps its first value, as
 * node:http does; a repeated Content-Length that disagrees is refused instead,
 * since the body's end would be ambiguous.
 */
const SINGLE_VALUED = new Set([
  'age',
  'content-length',
  'content-range',
  'content-type',
  'etag',
  'expires',
  'last-modified',
  'location',
  'retry-after',
  'server',
]);

const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/;

/** Parses the bytes before the blank line that ends the head (the blank line itself excluded). */
export function parseResponseHead(head: Buffer): ResponseHead {
  const lines = head.toString('latin1').split('\r\n');
  const status = STATUS_LINE.exec(lines[0] ?? '');
  if (status === null) throw new MalformedResponseError('no HTTP/1.x status line');
  const headers: Record<string, string | string[]> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    // A line that is not `name: value` (folded continuation lines included) could hide a second framing.
    if (!FIELD_NAME.test(name)) throw new MalformedResponseError('a header line that is not name: value');
    addField(headers, name.toLowerCase(), line.slice(colon + 1).trim());
  }
  return { statusCode: Number(status[1]), headers };
}

function addField(headers: Record<string, string | string[]>, name: string, value: string): void {
  const previous = headers[name];
  if (previous === undefined) {
    headers[name] = name === 'set-cookie' ? [value] : value;
  } else if (Array.isArray(previous)) {
    previous.push(value);
  } else if (name === 'content-length') {
    if (previous !== value) throw new MalformedResponseError('two different Content-Length values');
  } else if (!SINGLE_VALUED.has(name)) {
    headers[name] = `${previous}, ${value}`;
  }
}

/** How the body's end is known (RFC 9112 §6.3, for a response to GET). */
export type BodyFraming = { kind: 'none' } | { kind: 'length'; bytes: number } | { kind: 'chunked' } | { kind: 'close' };

export function bodyFraming({ statusCode, headers }: ResponseHead): BodyFraming {
  if (statusCode === 204 || statusCode === 304) return { kind: 'none' };
  const coding = headers['transfer-encoding'];
  if (coding !== undefined) {
    const last = coding.split(',').at(-1)?.trim().toLowerCase();
    return last === 'chunked' ? { kind: 'chunked' } : { kind: 'close' };
  }
  const length = headers['content-length'];
  if (length === undefined) return { kind: 'close' };
  if (!/^\d{1,15}$/.test(length)) throw new MalformedResponseError('a Content-Length that is not a number');
  return { kind: 'length', bytes: Number(length) };
}
