import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, type BrotliDecompress, type Gunzip, type Inflate } from 'node:zlib';
import type { HttpGetResponse } from '../ports.js';

/**
 * The body as the video's own bytes. The request asks for identity, but a
 * host may compress anyway; gzip, deflate and br are undone (last applied,
 * first undone), as a browser would. A coding we do not know leaves the body
 * as sent, and the MP4 check then refuses it.
 *
 * A truncated compressed body is an error here, not a shorter file: under a
 * content coding there is no usable Content-Length to catch it later.
 */
export function decodedBody(res: HttpGetResponse): Readable {
  let body: Readable = res;
  // An error anywhere destroys every stage, and the last one reports it to the reader.
  for (const decoder of decodersFor(res.headers['content-encoding'])) body = pipeline(body, decoder, () => undefined);
  return body;
}

type Decoder = Gunzip | Inflate | BrotliDecompress;

const DECODERS = new Map<string, () => Decoder>([
  ['gzip', createGunzip],
  ['x-gzip', createGunzip],
  ['deflate', createInflate],
  ['br', createBrotliDecompress],
]);

function decodersFor(header: string | undefined): Decoder[] {
  const codings = (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const makers: (() => Decoder)[] = [];
  for (const coding of codings.reverse()) {
    const make = DECODERS.get(coding);
    if (make === undefined) return [];
    makers.push(make);
  }
  return makers.map((make) => make());
}
