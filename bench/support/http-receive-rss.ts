/**
 * The floor under the downloader's memory: one GET of the URL in argv[2], body
 * discarded (no disk, no hash), in a fresh process, through node:http
 * (argv[3] = 'node-http') or through the socket transport the downloader uses
 * ('socket', each chunk's block handed straight back). Prints the peak RSS
 * growth in bytes as one JSON line.
 */
import { get } from 'node:http';
import type { Readable } from 'node:stream';
import { socketGet } from '../../electron/core/library/socket-http-get.js';

const url = process.argv[2] ?? '';
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
let body: Readable;
let recycle: (chunk: Uint8Array) => void = () => undefined;
if (process.argv[3] === 'socket') {
  const res = await socketGet(url, { headers: {}, signal: new AbortController().signal });
  recycle = res.recycleChunks();
  body = res;
} else {
  body = await new Promise<Readable>((resolve, reject) => get(url, resolve).on('error', reject));
}
await new Promise<void>((resolve, reject) => {
  body.on('data', recycle);
  body.once('end', resolve);
  body.once('error', reject);
});
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
process.stdout.write(`${JSON.stringify({ rssGrowth: peak - before })}\n`);
