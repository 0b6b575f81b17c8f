import { describe, expect, it } from 'vitest';
import { asyncBootTags, type ChunkFacts } from '../../../renderer/build/async-boot.js';

/** The boot module's file gets an async script tag of its own, first in <head>; nothing else does. */

const bundle: Record<string, ChunkFacts> = {
  'assets/index.js': { type: 'chunk', fileName: 'assets/index.js', moduleIds: ['/r/src/main.tsx'] },
  'assets/boot.js': { type: 'chunk', fileName: 'assets/boot.js', moduleIds: ['/r/src/host-socket.ts', '/r/src/boot/early-host.ts'] },
  'assets/app.js': { type: 'chunk', fileName: 'assets/app.js', moduleIds: ['/r/src/start-app.tsx', '/r/src/App.tsx'] },
  'assets/app.css': { type: 'asset', fileName: 'assets/app.css' },
};

describe('asyncBootTags', () => {
  it('names the file holding the boot module in an async module script, first in <head>', () => {
    expect(asyncBootTags(bundle, '/src/boot/early-host.ts')).toEqual([
      { tag: 'script', attrs: { type: 'module', async: true, crossorigin: '', src: './assets/boot.js' }, injectTo: 'head-prepend' },
    ]);
  });

  it('adds nothing when no file holds the module (a build without a boot module)', () => {
    expect(asyncBootTags(bundle, '/src/boot/missing.ts')).toEqual([]);
  });
});
