import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chunksHolding, jsChunks, ZOD_MARKER } from '../../../bench/support/js-chunks.js';

/**
 * The page's first paint runs no zod: its code and every schema built with it
 * (the drafts' checks, the contract's) load in chunks fetched later, so the
 * Library's first grid parses and runs none of it. Checked on a real build of
 * the renderer, with the first paint's files counted as the UI bench counts
 * them (index.html's scripts and modulepreloads and what they import statically).
 */

const REPO = resolve(import.meta.dirname, '../../..');
const VITE = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');

const run = promisify(execFile);

/** A production build, as `npm run build:renderer` makes it (the test runner's own NODE_ENV left out). */
async function buildRenderer(outDir: string): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
  await run(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: REPO, env });
}

describe('the first paint', () => {
  it('loads no zod: zod and the schemas come in chunks loaded later', { timeout: 180_000 }, async () => {
    const dist = mkdtempSync(join(tmpdir(), 'keyframe-first-paint-'));
    try {
      await buildRenderer(dist);
      const { initial, lazy } = jsChunks(dist);
      expect(initial.map((c) => c.file).some((f) => /\/app-[\w-]+\.js$/.test(f)), 'the app chunk is in the first paint').toBe(true);
      expect(chunksHolding(dist, initial, ZOD_MARKER)).toEqual([]);
      // The marker is zod's own and the build holds it: the check above cannot pass for want of it.
      expect(chunksHolding(dist, lazy, ZOD_MARKER).length).toBeGreaterThan(0);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
