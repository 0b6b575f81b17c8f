import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { appChunkNamer } from './renderer/build/app-chunk.js';
import { asyncBoot } from './renderer/build/async-boot.js';

const appChunk = appChunkNamer({
  entry: fileURLToPath(new URL('./renderer/src/main.tsx', import.meta.url)),
  boot: fileURLToPath(new URL('./renderer/src/boot/early-host.ts', import.meta.url)),
  ownFile: { name: 'react-dom', test: /[\\/]node_modules[\\/](react-dom|scheduler)[\\/]/ },
});

// One config for the renderer build and for the Node unit tests. Paths are relative
// to the working directory, which npm scripts set to the package root.
// Renderer: `vite build` → renderer/dist, served by keyframe://app in Electron and by
// the browser host (electron/host) over http://127.0.0.1:<port>/.
export default defineConfig({
  root: 'renderer',
  // Relative asset URLs work under keyframe://app/ and http://127.0.0.1:<port>/ alike.
  base: './',
  plugins: [react(), asyncBoot('/src/boot/early-host.ts')],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP is script-src 'self': nothing may be inlined as a data: URL or an inline script.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // The first paint's JS in few files, React DOM apart (see renderer/build/app-chunk.ts).
        codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: appChunk }] },
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: true },
  test: {
    // The build's root is renderer/; the unit tests live under the package root.
    root: '.',
    include: ['tests/unit/**/*.test.ts'],
    // An error that escapes the engine (an unhandled rejection) fails the test it happened in.
    setupFiles: ['tests/support/fail-on-unhandled.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
