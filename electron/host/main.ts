import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../services/environment-defaults.js';
import { priceListUrlFrom } from '../services/price-list-url.js';
import { startHost } from './server.js';

/**
 * `node dist/electron/host/main.js [--port N] [--demo]`
 *
 * Runs Keyframe's services and serves its UI at http://127.0.0.1:<port>/ for a
 * browser. Environment: KEYFRAME_DATA_DIR (default: the desktop app's data
 * folder, shared with the CLI), APIMART_BASE_URL, KEYFRAME_DEMO_BASE_URL (an
 * already running demo provider), KEYFRAME_RENDERER_DIR (the built UI).
 */

export interface HostMainIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export async function main(argv: readonly string[], io: HostMainIo): Promise<number> {
  let values: { port?: string; demo?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\nUsage: keyframe-host [--port N] [--demo]`);
    return 2;
  }
  if (values.help) {
    io.out('Usage: node dist/electron/host/main.js [--port N] [--demo]\nServes Keyframe on 127.0.0.1 for a browser; prints the address to open.');
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err('--port must be a whole number from 0 to 65535 (0 picks a free port).');
    return 2;
  }
  const rendererDir = resolve(io.env.KEYFRAME_RENDERER_DIR || findRendererDir());
  if (!existsSync(join(rendererDir, 'index.html'))) {
    io.err(`The UI is not built (no ${join(rendererDir, 'index.html')}). Run "npm run build" first.`);
    return 1;
  }
  const dataDir = resolve(io.env.KEYFRAME_DATA_DIR || defaultDataDir(io.env));
  const priceListUrl = priceListUrlFrom(io.env);
  const host = await startHost({
    port,
    dataDir,
    rendererDir,
    env: io.env,
    forceDemo: values.demo === true,
    ...(io.env.APIMART_BASE_URL ? { apiBaseUrl: io.env.APIMART_BASE_URL } : {}),
    ...(io.env.KEYFRAME_DEMO_BASE_URL ? { demoBaseUrl: io.env.KEYFRAME_DEMO_BASE_URL } : {}),
    ...(priceListUrl ? { priceListUrl } : {}),
  });
  for (const n of host.notices) io.err(`Notice: ${n}`);
  io.err('The browser host keeps your APIMart key in a plain owner-only file in the data folder (not OS-encrypted).');
  io.out(`Keyframe is running at ${host.url}`);
  io.err('Open that address in a browser on this machine. Press Ctrl+C to stop.');

  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await host.close();
  return 0;
}

/** renderer/dist next to the compiled (dist/electron/host) or source (electron/host) tree. */
function findRendererDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'renderer', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'renderer', 'dist');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2), {
    out: (l) => void process.stdout.write(`${l}\n`),
    err: (l) => void process.stderr.write(`${l}\n`),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`Keyframe could not start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
