import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'vite';

/**
 * The page's export helpers (renderer/src/features/export) on their own, in
 * Chromium: bundled with Vite into a throwaway folder and served from
 * 127.0.0.1 (a secure context, where WebCodecs exists) next to the demo
 * fixtures, which the page reads by URL as it reads `clip` media.
 */

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(REPO, 'electron', 'core', 'demo', 'fixtures');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.mp4': 'video/mp4' };

export interface ExportBench {
  /** The page to open: it loads the helpers as `window.exportHelpers`. */
  url: string;
  fixtureUrl(name: string): string;
  close(): Promise<void>;
}

export async function startExportBench(): Promise<ExportBench> {
  const dir = await mkdtemp(join(tmpdir(), 'keyframe-export-bench-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(REPO, 'renderer', 'src', 'features', 'export', 'index.ts'), formats: ['es'], fileName: 'export' },
      rollupOptions: { output: { entryFileNames: 'export.js', chunkFileNames: '[name]-[hash].js' } },
    },
  });
  const page = '<!doctype html><meta charset="utf-8"><title>export bench</title><script type="module">import * as h from "./export.js"; window.exportHelpers = h; document.title = "ready";</script>';
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    const root = path.startsWith('/fixtures/') ? FIXTURES : dir;
    const file = normalize(join(root, path.replace(/^\/(fixtures\/)?/, '')));
    if (!file.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    void serveFile(file, req.headers.range, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    fixtureUrl: (name) => `${origin}/fixtures/${name}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whole files and single Range requests (mediabunny reads with Range). */
async function serveFile(file: string, range: string | undefined, res: ServerResponse): Promise<void> {
  const st = await stat(file).catch(() => undefined);
  if (!st?.isFile()) {
    res.writeHead(404).end();
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const m = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
  if (m) {
    const start = Number(m[1]);
    const end = Math.min(st.size - 1, m[2] ? Number(m[2]) : st.size - 1);
    res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${st.size}`, 'content-length': end - start + 1, 'accept-ranges': 'bytes' });
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { 'content-type': type, 'content-length': st.size, 'accept-ranges': 'bytes' });
  createReadStream(file).pipe(res);
}
