import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * The paint baseline: an empty Vite + React page (one <h1>), built in a temp
 * folder with Vite's JS API and served by a static server, so the library's
 * first grid paint can be read beside the cost of React itself in this run.
 */

const REPO = resolve(import.meta.dirname, '..', '..');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface Served {
  url: string;
  dir: string;
  close(): Promise<void>;
}

export async function buildEmptyReactPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'keyframe-bench-empty-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>empty</title></head><body><div id="root"></div><script type="module" src="/main.jsx"></script></body></html>');
  writeFileSync(join(dir, 'main.jsx'), "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<h1>Empty</h1>);\n");
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [react()],
    resolve: { alias: { react: join(REPO, 'node_modules', 'react'), 'react-dom': join(REPO, 'node_modules', 'react-dom') } },
    build: { outDir: join(dir, 'dist'), target: 'es2022' },
  });
  return join(dir, 'dist');
}

export function serveStatic(dir: string): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        dir,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    }),
  );
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
