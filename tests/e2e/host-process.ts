import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The browser host as a person runs it: `node dist/electron/host/main.js`,
 * its own data and output folders, the address read from its first line.
 */

export const REPO = resolve(import.meta.dirname, '..', '..');
const HOST_MAIN = join(REPO, 'dist', 'electron', 'host', 'main.js');

export interface HostProcess {
  url: string;
  /** The host's process id (its memory is read from /proc by the benchmarks). */
  pid: number;
  origin: string;
  dataDir: string;
  outDir: string;
  stderr(): string;
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  /** A key to store before start (as if set earlier); none = demo mode. */
  key?: string;
  apiBaseUrl?: string;
  demoBaseUrl?: string;
  args?: string[];
  /** Fills the folders before the host starts (e.g. a library written as if used for years). */
  prepare?: (dirs: { dataDir: string; outDir: string }) => void | Promise<void>;
  /** How long the host may take to print its address (a large library takes longer to index). */
  startupTimeoutMs?: number;
  /** The system locale the host starts under (default en_US.UTF-8); a first run takes its language from it. */
  locale?: string;
}

export async function startHostProcess(opts: HostProcessOptions = {}): Promise<HostProcess> {
  const root = mkdtempSync(join(tmpdir(), 'keyframe-e2e-'));
  const dataDir = join(root, 'data');
  const outDir = join(root, 'out');
  mkdirSync(dataDir, { recursive: true });
  if (opts.key) writeFileSync(join(dataDir, 'apimart-key.txt'), `${opts.key}\n`, { mode: 0o600 });
  await opts.prepare?.({ dataDir, outDir });
  // Only what the host needs: a stray APIMART_API_KEY or KEYFRAME_* from the developer's shell must not leak in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: root,
    LANG: opts.locale ?? 'en_US.UTF-8',
    KEYFRAME_DATA_DIR: dataDir,
    KEYFRAME_OUTPUT_DIR: outDir,
    // The provider's public price list stays unfetched: a test run never reaches the internet.
    KEYFRAME_PRICE_LIST_URL: '',
    ...(opts.apiBaseUrl ? { APIMART_BASE_URL: opts.apiBaseUrl } : {}),
    ...(opts.demoBaseUrl ? { KEYFRAME_DEMO_BASE_URL: opts.demoBaseUrl } : {}),
  };
  const child: ChildProcess = spawn(process.execPath, [HOST_MAIN, '--port', '0', ...(opts.args ?? [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      const m = /^Keyframe is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/.exec(line);
      if (m?.[1]) res(m[1]);
    });
    void exited.then((code) => rej(new Error(`The host exited (code ${code}) before printing its address.\n${err}`)));
    const limit = opts.startupTimeoutMs ?? 15_000;
    setTimeout(() => rej(new Error(`The host printed no address in ${limit / 1000} s.\n${err}`)), limit);
  });
  return {
    url,
    pid: child.pid ?? -1,
    origin: new URL(url).origin,
    dataDir,
    outDir,
    stderr: () => err,
    async stop() {
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
      if (code === 'timeout') child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
