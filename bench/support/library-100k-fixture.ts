import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_MP4, writeLibrary, type LibraryFixture } from '../../tests/e2e/support/library-fixture.js';

/**
 * The large-library fixture: `sidecars` generated takes (JSON sidecar, video
 * and cached poster hardlinked from tiny fixtures) in the output folder, and
 * optionally `bareVideos` MP4s with no sidecar in a subfolder, the way clips
 * made elsewhere sit in a watched folder. The library indexes sidecars only;
 * the bare videos are there so a library that also indexes plain MP4s is
 * measured by the same run without another fixture.
 */

export interface LargeLibraryFixture extends LibraryFixture {
  bareVideos: number;
  bareDir: string;
}

export const BARE_VIDEO_FOLDER = 'imported';

export function writeLargeLibrary(outDir: string, postersDir: string, opts: { sidecars: number; bareVideos: number }): LargeLibraryFixture {
  const library = writeLibrary(outDir, { count: opts.sidecars, postersIn: postersDir });
  const bareDir = join(outDir, BARE_VIDEO_FOLDER);
  if (opts.bareVideos > 0) {
    mkdirSync(bareDir, { recursive: true });
    const source = join(bareDir, '.bare-source.mp4');
    copyFileSync(FIXTURE_MP4, source);
    for (let i = 0; i < opts.bareVideos; i++) linkSync(source, join(bareDir, `bare-${String(i).padStart(5, '0')}.mp4`));
  }
  return { ...library, bareVideos: opts.bareVideos, bareDir };
}
