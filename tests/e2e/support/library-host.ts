import { join } from 'node:path';
import { startHostProcess } from '../host-process.js';
import { writeLibrary, type FixtureOptions, type LibraryFixture } from './library-fixture.js';

/**
 * The browser host started over a library written into its output folder
 * BEFORE it starts, as if the person had used Keyframe for a long time.
 */

export interface LibraryHost {
  url: string;
  origin: string;
  outDir: string;
  dataDir: string;
  library: LibraryFixture;
  stop(): Promise<void>;
}

export async function startLibraryHost(fixture: FixtureOptions & { posters?: boolean }, opts: { key?: string; demoBaseUrl?: string; apiBaseUrl?: string } = {}): Promise<LibraryHost> {
  let library: LibraryFixture | undefined;
  const host = await startHostProcess({
    ...opts,
    startupTimeoutMs: 30_000,
    prepare: ({ dataDir, outDir }) => {
      library = writeLibrary(outDir, { ...fixture, ...(fixture.posters ? { postersIn: join(dataDir, 'posters') } : {}) });
    },
  });
  if (!library) throw new Error('the library fixture was not written');
  return { url: host.url, origin: host.origin, outDir: host.outDir, dataDir: host.dataDir, library, stop: () => host.stop() };
}
