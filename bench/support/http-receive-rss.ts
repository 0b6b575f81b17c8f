/**
 * The floor under the downloader's memory: one GET of the URL in argv[2]
 * through the same node:http port, body discarded (no disk, no hash), in a
 * fresh process. Prints the peak RSS growth in bytes as one JSON line.
 */
import { nodeHttpGet } from '../../electron/core/library/node-http-get.js';

const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const body = await nodeHttpGet(process.argv[2] ?? '', { headers: {}, signal: new AbortController().signal });
await new Promise<void>((resolve, reject) => {
  body.on('data', () => undefined);
  body.once('end', resolve);
  body.once('error', reject);
});
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
process.stdout.write(`${JSON.stringify({ rssGrowth: peak - before })}\n`);
