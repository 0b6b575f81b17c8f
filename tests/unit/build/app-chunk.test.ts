import { describe, expect, it } from 'vitest';
import { appChunkNamer, type ModuleGraph } from '../../../renderer/build/app-chunk.js';

/**
 * The first paint's JS in few files: whatever the entry imports statically
 * goes in one, apart from React DOM (its own file); lazy views and anything
 * imported only dynamically are left alone.
 */

function graph(edges: Record<string, string[]>): ModuleGraph {
  return { getModuleInfo: (id) => (id in edges ? { importedIds: edges[id] ?? [] } : null) };
}

const G = graph({
  '/r/src/main.tsx': ['/r/src/boot/zod-config.ts', '/r/src/boot/early-host.ts', '/r/src/start-app.tsx'],
  '/r/src/boot/early-host.ts': ['/r/src/host-socket.ts'],
  '/r/src/boot/zod-config.ts': [],
  '/r/src/host-socket.ts': [],
  '/r/src/start-app.tsx': ['/r/src/App.tsx', '/nm/react-dom/client.js', '/r/src/host-socket.ts'],
  '/r/src/App.tsx': ['/r/src/features/library/LibraryView.tsx', '/shared/errors.ts', '/r/src/App.tsx'],
  '/r/src/features/library/LibraryView.tsx': ['/nm/zod/index.js'],
  '/shared/errors.ts': ['/nm/zod/index.js'],
  '/nm/zod/index.js': [],
  '/nm/react-dom/client.js': ['/nm/scheduler/index.js'],
  '/nm/scheduler/index.js': [],
  // Only imported dynamically (not an importedId of anything above).
  '/r/src/features/compare/CompareView.tsx': ['/nm/zod/index.js', '/r/src/features/compare/diff.ts'],
  '/r/src/features/compare/diff.ts': [],
});

const namer = () =>
  appChunkNamer({ entry: '/r/src/main.tsx', ownFile: { name: 'react-dom', test: /\/nm\/(react-dom|scheduler)\// } });

describe('the app chunk', () => {
  it('puts what the entry imports statically in one file, boot modules included, React DOM in its own', () => {
    const name = namer();
    for (const id of [
      '/r/src/main.tsx',
      '/r/src/boot/early-host.ts',
      '/r/src/boot/zod-config.ts',
      '/r/src/host-socket.ts',
      '/r/src/start-app.tsx',
      '/r/src/App.tsx',
      '/r/src/features/library/LibraryView.tsx',
      '/shared/errors.ts',
      '/nm/zod/index.js',
    ]) {
      expect(name(id, G), id).toBe('app');
    }
    expect(name('/nm/react-dom/client.js', G)).toBe('react-dom');
    expect(name('/nm/scheduler/index.js', G)).toBe('react-dom');
  });

  it('leaves modules only imported dynamically to their own lazy chunks', () => {
    const name = namer();
    expect(name('/r/src/features/compare/CompareView.tsx', G)).toBeNull();
    expect(name('/r/src/features/compare/diff.ts', G)).toBeNull();
  });

  it('gives the boot module and what it imports a file of their own, even what the app imports too', () => {
    const name = appChunkNamer({ entry: '/r/src/main.tsx', boot: '/r/src/boot/early-host.ts', ownFile: { name: 'react-dom', test: /\/nm\/(react-dom|scheduler)\// } });
    expect(name('/r/src/boot/early-host.ts', G)).toBe('boot');
    // Imported by the app as well (start-app.tsx): still the boot's, so the boot file needs nothing from the app's.
    expect(name('/r/src/host-socket.ts', G)).toBe('boot');
    for (const id of ['/r/src/main.tsx', '/r/src/boot/zod-config.ts', '/r/src/start-app.tsx', '/r/src/App.tsx']) expect(name(id, G), id).toBe('app');
    expect(name('/nm/react-dom/client.js', G)).toBe('react-dom');
  });
});
