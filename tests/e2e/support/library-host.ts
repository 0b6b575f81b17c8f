import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { writeLibrary, type FixtureOptions, type LibraryFixture } from './library-fixture.js';

/**
 * The browser host (`node dist/electron/host/main.js`) started over a library
 * written into its output folder BEFORE it starts, as if the person had used
 * Keyframe for a long time. Same environment as ../host-process.ts, which
 * offers no hook to fill the folders before the spawn.
 */

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const HOST_MAIN = join(REPO, 'dist', 'electron', 'host', 'main.js');

export interface LibraryHost {
  url: string;
  origin: string;
  outDir: string;
  library: LibraryFixture;
  stop(): Promise<void>;
}

export async function startLibraryHost(fixture: FixtureOptions & { posters?: boolean }, opts: { key?: string; demoBaseUrl?: string } = {}): Promise<LibraryHost> {
  const root = mkdtempSync(join(tmpdir(), 'keyframe-lib-'));
  const dataDir = join(root, 'data');
  const outDir = join(root, 'out');
  mkdirSync(dataDir, { recursive: true });
  if (opts.key) writeFileSync(join(dataDir, 'apimart-key.txt'), `${opts.key}\n`, { mode: 0o600 });
  const library = writeLibrary(outDir, { ...fixture, ...(fixture.posters ? { postersIn: join(dataDir, 'posters') } : {}) });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: root,
    LANG: 'en_US.UTF-8',
    KEYFRAME_DATA_DIR: dataDir,
    KEYFRAME_OUTPUT_DIR: outDir,
    ...(opts.demoBaseUrl ? { KEYFRAME_DEMO_BASE_URL: opts.demoBaseUrl } : {}),
  };
  const child: ChildProcess = spawn(process.execPath, [HOST_MAIN, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^Keyframe is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/.exec(line);
      if (m?.[1]) res(m[1]);
    });
    void exited.then((code) => rej(new Error(`The host exited (code ${code}) before printing its address.\n${err}`)));
    setTimeout(() => rej(new Error(`The host printed no address in 30 s.\n${err}`)), 30_000);
  });
  return {
    url,
    origin: new URL(url).origin,
    outDir,
    library,
    async stop() {
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
      if (code === 'timeout') child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
