import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_MP4, writeLibrary, type LibraryFixture } from '../../tests/e2e/support/library-fixture.js';

/**
 * The large-library fixture: `sidecars` generated takes (JSON sidecar, video
 * and cached poster hardlinked from tiny fixtures) in the output folder, and
 * optionally `bareVideos` MP4s with no sidecar in a subfolder, the way clips
 * made elsewhere sit in a watched folder: each a video of its own (its own
 * id), listed beside the takes.
 */

export interface LargeLibraryFixture extends LibraryFixture {
  bareVideos: number;
  bareDir: string;
}

export const BARE_VIDEO_FOLDER = 'imported';

/** An MP4 `free` box of `size` bytes (at least its 8-byte header): players and the probe skip it. */
function freeBox(size: number): Buffer {
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('free', 4, 'latin1');
  return box;
}

export function writeLargeLibrary(outDir: string, postersDir: string, opts: { sidecars: number; bareVideos: number }): LargeLibraryFixture {
  const library = writeLibrary(outDir, { count: opts.sidecars, postersIn: postersDir });
  const bareDir = join(outDir, BARE_VIDEO_FOLDER);
  if (opts.bareVideos > 0) {
    mkdirSync(bareDir, { recursive: true });
    const bytes = readFileSync(FIXTURE_MP4);
    // A bare video's id comes from its size and first bytes: a free box of its own length at the end makes each clip a video of its own.
    for (let i = 0; i < opts.bareVideos; i++) writeFileSync(join(bareDir, `bare-${String(i).padStart(5, '0')}.mp4`), Buffer.concat([bytes, freeBox(8 + i)]));
  }
  return { ...library, bareVideos: opts.bareVideos, bareDir };
}
