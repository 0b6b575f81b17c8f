import { describe, expect, it } from 'vitest';
import { preloadTagsFor, type BundleFacts, type ChunkFacts } from '../../../renderer/build/preload-app-chunks.js';

/**
 * index.html names the app's chunks so they download beside the small entry
 * that imports them: every chunk the app needs before it can run, once, deps
 * first, with their CSS, and none the entry already loads itself.
 */

function chunk(fileName: string, facts: Partial<ChunkFacts> = {}): ChunkFacts {
  return { type: 'chunk', fileName, facadeModuleId: null, moduleIds: facts.facadeModuleId ? [facts.facadeModuleId] : [], isEntry: false, isDynamicEntry: false, imports: [], ...facts };
}

function bundle(...items: ChunkFacts[]): BundleFacts {
  return Object.fromEntries(items.map((c) => [c.fileName, c]));
}

const APP = '/src/start-app.tsx';

describe('preloading the app chunks from index.html', () => {
  it('names the app chunk and what it imports, deps first, without what the entry already loads', () => {
    const built = bundle(
      chunk('assets/index.js', { isEntry: true, facadeModuleId: '/r/src/main.tsx', imports: ['assets/runtime.js'] }),
      chunk('assets/runtime.js'),
      chunk('assets/zod.js', { imports: ['assets/runtime.js'] }),
      chunk('assets/shared.js', { imports: ['assets/zod.js'] }),
      chunk('assets/start-app.js', {
        isDynamicEntry: true,
        facadeModuleId: `/r${APP}`,
        imports: ['assets/shared.js', 'assets/zod.js', 'assets/runtime.js'],
        viteMetadata: { importedCss: new Set(['assets/start-app.css']) },
      }),
      chunk('assets/SettingsView.js', { isDynamicEntry: true, facadeModuleId: '/r/src/SettingsView.tsx', imports: ['assets/zod.js'] }),
    );
    const tags = preloadTagsFor(built, APP);
    expect(tags.map((t) => `${t.attrs.rel} ${t.attrs.href}`)).toEqual([
      'preload ./assets/start-app.css',
      'modulepreload ./assets/zod.js',
      'modulepreload ./assets/shared.js',
      'modulepreload ./assets/start-app.js',
    ]);
    expect(tags.every((t) => t.injectTo === 'head' && t.attrs.crossorigin === '')).toBe(true);
    expect(tags[0]?.attrs.as).toBe('style');
  });

  it('finds the app inside a group chunk that is not its facade', () => {
    const built = bundle(
      chunk('assets/index.js', { isEntry: true, facadeModuleId: '/r/src/main.tsx' }),
      chunk('assets/react-dom.js'),
      chunk('assets/app.js', { isDynamicEntry: true, moduleIds: ['/r/src/App.tsx', `/r${APP}`], imports: ['assets/react-dom.js'] }),
    );
    expect(preloadTagsFor(built, APP).map((t) => t.attrs.href)).toEqual(['./assets/react-dom.js', './assets/app.js']);
  });

  it('names the facade the bundler puts in front of a group chunk that other chunks import too', () => {
    const built = bundle(
      chunk('assets/index.js', { isEntry: true, facadeModuleId: '/r/src/main.tsx' }),
      // Listed first: the group chunk holding the app's module, which lazy views import as well.
      chunk('assets/app.js', { moduleIds: ['/r/src/App.tsx', `/r${APP}`] }),
      chunk('assets/start-app.js', { isDynamicEntry: true, facadeModuleId: `/r${APP}`, moduleIds: [], imports: ['assets/app.js'] }),
    );
    expect(preloadTagsFor(built, APP).map((t) => t.attrs.href)).toEqual(['./assets/app.js', './assets/start-app.js']);
  });

  it('names nothing when no chunk is the app', () => {
    const built = bundle(chunk('assets/index.js', { isEntry: true, facadeModuleId: '/r/src/main.tsx' }));
    expect(preloadTagsFor(built, APP)).toEqual([]);
  });

  it('follows an import cycle without looping', () => {
    const built = bundle(
      chunk('assets/a.js', { imports: ['assets/b.js'] }),
      chunk('assets/b.js', { imports: ['assets/a.js'] }),
      chunk('assets/start-app.js', { isDynamicEntry: true, facadeModuleId: APP, imports: ['assets/a.js'] }),
    );
    expect(preloadTagsFor(built, APP).map((t) => t.attrs.href)).toEqual(['./assets/b.js', './assets/a.js', './assets/start-app.js']);
  });
});
