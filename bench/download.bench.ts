/**
 * Download of a 1 GB file from the loopback file host: Keyframe's streaming
 * downloader (its socket transport into .part, each write read back and
 * compared, sha256 of the bytes in the same pass, a flush every 16 MiB and the
 * final fsync, length on disk, MP4 check, rename) against `curl -o` on the
 * same file in the same run. Also reports RSS growth while downloading (beside
 * that of the socket transport alone and of node:http alone receiving the same
 * file in a fresh process), the CPU time each side spends, and where the
 * downloader's time goes (timed through its own seams: the part file's last
 * sync, which is the final fsync, and the verify step after the length check).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomFillSync } from 'node:crypto';
import { mkdtemp, rm, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadToFile } from '../electron/core/library/downloader.js';
import { openPartFile, type OpenPartFile } from '../electron/core/library/part-files.js';
import { verifyMp4 } from '../electron/core/library/verify-mp4.js';
import { socketHttpGet } from '../electron/core/library/socket-http-get.js';
import { systemClock } from '../electron/core/ports.js';
import { childrenCpuMs } from './support/child-cpu.js';
import { median, row } from './support/report.js';
import { spawnFakeHost } from './support/spawn-host.js';

const SIZE = Number(process.env.BENCH_DOWNLOAD_BYTES ?? 1024 ** 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function makeFile(path: string): Promise<void> {
  const fh = await open(path, 'w');
  const block = Buffer.alloc(8 * 1024 * 1024);
  randomFillSync(block);
  block.write('\0\0\0\x20ftypisom', 0, 'latin1');
  for (let written = 0; written < SIZE; written += block.length) {
    await fh.write(block, 0, Math.min(block.length, SIZE - written));
    block.fill(0, 0, 12);
  }
  await fh.close();
}

const dir = await mkdtemp(join(tmpdir(), 'keyframe-bench-dl-'));
const source = join(dir, 'source.mp4');
await makeFile(source);
const host = await spawnFakeHost(['--file', source]);
const url = host.fileUrl!;

/** Milliseconds of one download spent in each stage. */
interface Split {
  receive: number;
  fsync: number;
  readBack: number;
  finish: number;
}

/** Runs one download with its part file's sync and its verify step timed. */
async function timedDownload(dest: string): Promise<{ ms: number; bytes: number; split: Split }> {
  const marks = { syncStart: NaN, syncEnd: NaN, verify: NaN };
  const openFile: OpenPartFile = async (path, mode) => {
    const fh = await openPartFile(path, mode);
    return {
      writev: (buffers) => fh.writev(buffers),
      close: () => fh.close(),
      async sync() {
        marks.syncStart = performance.now();
        await fh.sync();
        marks.syncEnd = performance.now();
      },
    };
  };
  const verify = async (path: string) => {
    marks.verify = performance.now();
    await verifyMp4(path);
  };
  const t0 = performance.now();
  const res = await downloadToFile({ url, dest, httpGet: socketHttpGet, clock: systemClock, openFile, verify });
  const end = performance.now();
  const split = { receive: marks.syncStart - t0, fsync: marks.syncEnd - marks.syncStart, readBack: marks.verify - marks.syncEnd, finish: end - marks.verify };
  return { ms: end - t0, bytes: res.bytes, split };
}

/** Peak RSS growth of a transport alone fetching the file (body discarded) in a fresh process. */
function receiveAloneRssGrowth(transport: 'node-http' | 'socket'): number {
  const script = fileURLToPath(new URL('./support/http-receive-rss.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, url, transport], { encoding: 'utf8' });
  return (JSON.parse(out) as { rssGrowth: number }).rssGrowth;
}

const curlTimes: number[] = [];
const curlCpu: number[] = [];
const ourCpu: number[] = [];
const curlSyncTimes: number[] = [];
const ourTimes: number[] = [];
const rssGrowth: number[] = [];
const splits: Split[] = [];
let httpAlone: number | undefined;
let socketAlone: number | undefined;
try {
  for (let round = 0; round < ROUNDS; round++) {
    const curlDest = join(dir, `curl-${round}.mp4`);
    const childCpu = childrenCpuMs();
    let t = performance.now();
    execFileSync('curl', ['-s', '-f', '-o', curlDest, url]);
    curlTimes.push(performance.now() - t);
    if (childCpu !== undefined) curlCpu.push((childrenCpuMs() ?? NaN) - childCpu);
    await rm(curlDest);
    // The downloader fsyncs before renaming (a paid video must survive a power cut); curl does not.
    t = performance.now();
    execFileSync('sh', ['-c', 'curl -s -f -o "$1" "$2" && sync "$1"', 'sh', curlDest, url]);
    curlSyncTimes.push(performance.now() - t);
    await rm(curlDest);

    const dest = join(dir, `kf-${round}.mp4`);
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const cpu = process.cpuUsage();
    const res = await timedDownload(dest);
    const used = process.cpuUsage(cpu);
    ourCpu.push((used.user + used.system) / 1000);
    ourTimes.push(res.ms);
    splits.push(res.split);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    rssGrowth.push(peak - before);
    if (res.bytes !== SIZE) throw new Error(`downloaded ${res.bytes} of ${SIZE} bytes`);
    await rm(dest);
  }
  httpAlone = receiveAloneRssGrowth('node-http') / 1_048_576;
  socketAlone = receiveAloneRssGrowth('socket') / 1_048_576;
} finally {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
}

const mbps = (ms: number) => SIZE / 1_048_576 / (ms / 1000);
const curl = mbps(median(curlTimes));
const curlSync = mbps(median(curlSyncTimes));
const ours = mbps(median(ourTimes));
console.log(`\nDownload ${(SIZE / 1_048_576).toFixed(0)} MiB from the loopback file host (median of ${ROUNDS}; host in its own process)`);
row('throughput vs curl -o (no fsync: less durable, shown for scale)', `${ours.toFixed(0)} MiB/s`, `${curl.toFixed(0)} MiB/s`, ours / curl, 'informational', true);
row('throughput vs curl -o + fsync (same durability)', `${ours.toFixed(0)} MiB/s`, `${curlSync.toFixed(0)} MiB/s`, ours / curlSync, '>= 0.90', ours / curlSync >= 0.9);
// The first download in a fresh process also warms the allocator; later ones show the steady cost.
const cold = (rssGrowth[0] ?? 0) / 1_048_576;
const steady = Math.max(0, ...rssGrowth.slice(1)) / 1_048_576;
row('RSS growth, first download in a fresh process', `${cold.toFixed(1)} MiB`, '0 MiB', cold / 30, '< 30 MiB', cold < 30);
row('RSS growth, later downloads (steady state)', `${steady.toFixed(1)} MiB`, '0 MiB', steady / 30, '< 30 MiB', steady < 30);
console.log(
  `      receiving the same file alone in a fresh process (no disk, no hash): RSS growth ${socketAlone?.toFixed(1)} MiB through the downloader's socket transport, ${httpAlone?.toFixed(1)} MiB through node:http`,
);
const stage = (pick: (s: Split) => number): string => `${(median(splits.map(pick)) / 1000).toFixed(2)} s`;
console.log(
  `      time split (median): curl -o ${(median(curlTimes) / 1000).toFixed(2)} s, curl -o + fsync ${(median(curlSyncTimes) / 1000).toFixed(2)} s;` +
    ` Keyframe ${(median(ourTimes) / 1000).toFixed(2)} s = receive + write + sha256 ${stage((x) => x.receive)}, final fsync ${stage((x) => x.fsync)},` +
    ` length on disk after the fsync ${stage((x) => x.readBack)}, MP4 check + rename ${stage((x) => x.finish)}`,
);
const cpuText = (xs: number[]): string => (xs.length > 0 ? `${(median(xs) / 1000).toFixed(2)} s` : 'n/a');
console.log(`      CPU time (user + system, median): curl -o ${cpuText(curlCpu)}; Keyframe ${cpuText(ourCpu)} (one sha256 pass over the bytes received; each write read back and compared)`);
console.log(`      every round (MiB/s): curl -o ${curlTimes.map((ms) => mbps(ms).toFixed(0)).join(' / ')}; curl -o + fsync ${curlSyncTimes.map((ms) => mbps(ms).toFixed(0)).join(' / ')}; Keyframe ${ourTimes.map((ms) => mbps(ms).toFixed(0)).join(' / ')}`);
