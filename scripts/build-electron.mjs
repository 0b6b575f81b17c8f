// Builds the Electron main process and the preload into dist-electron/ with
// Vite's build API (offline, no extra tooling):
//   dist-electron/main.js     ESM, Node target; electron, node builtins and every
//                             npm dependency stay external (loaded from node_modules)
//   dist-electron/preload.cjs ONE CommonJS file: a sandboxed preload cannot load
//                             local modules, so the contract and zod are bundled in;
//                             only `electron` is required at run time.
//   dist-electron/drag-icon.png  the cursor image for dragging a video out
// Usage: node scripts/build-electron.mjs
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist-electron`;
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id);

/** Shared settings: no config file (vite.config.ts belongs to the renderer and vitest), no minify, no maps. */
const base = (entry, outFile, format, external) => ({
  root,
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: entry,
    outDir,
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rollupOptions: { external, output: { format, entryFileNames: outFile, codeSplitting: false } },
  },
});

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// Main: our own code (electron/, shared/) bundled; anything from node_modules external.
await build({ ...base('electron/main/index.ts', 'main.js', 'es', (id) => builtins.has(id) || isBare(id)) });

// Preload: everything bundled except `electron` (the sandbox provides it).
const preload = base('electron/preload/index.ts', 'preload.cjs', 'cjs', (id) => id === 'electron');
await build({ ...preload, ssr: { noExternal: true } });

copyFileSync(`${root}build/drag-icon.png`, `${outDir}/drag-icon.png`);

// A sandboxed preload that requires anything but electron fails at run time, not here: check now.
const preloadCode = readFileSync(`${outDir}/preload.cjs`, 'utf8');
const required = [...preloadCode.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
const stray = required.filter((r) => r !== 'electron');
if (stray.length > 0) {
  console.error(`preload.cjs requires ${stray.join(', ')}: a sandboxed preload can only require electron`);
  process.exit(1);
}
console.log(`built dist-electron/main.js, dist-electron/preload.cjs (${(preloadCode.length / 1024).toFixed(0)} kB), drag-icon.png`);
