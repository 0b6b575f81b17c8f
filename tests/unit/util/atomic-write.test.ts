import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writeJsonAtomic } from '../../../electron/core/util/atomic-write.js';
import { mountSmallDisk, tmpfsSupport, type SmallDisk } from '../../support/full-disk.js';

/** Which file-system call of the next write fails, and how. */
const fault = vi.hoisted(() => ({ at: undefined as 'open' | 'write' | 'sync' | 'close' | 'rename' | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const enospc = (syscall: string) => Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', syscall });
  const open: typeof real.open = async (...args) => {
    const fh = await real.open(...args);
    // Only the temp file's handle is faulted; folders are opened for fsync too.
    if (!String(args[0]).endsWith('.tmp')) return fh;
    if (fault.at === 'open') {
      // Creating the file worked; what followed did not (an open that half succeeded).
      await fh.close();
      throw enospc('open');
    }
    const failing =
      <A extends unknown[]>(name: 'write' | 'sync' | 'close', method: (...a: A) => Promise<void>) =>
      async (...a: A): Promise<void> => {
        if (fault.at !== name) return method(...a);
        // A full disk takes part of a write, then refuses the rest.
        if (name === 'write') await fh.write('partial');
        if (name === 'close') await method(...a);
        throw enospc(name);
      };
    return Object.assign(Object.create(fh) as typeof fh, {
      writeFile: failing('write', (data: string | Uint8Array) => fh.writeFile(data)),
      sync: failing('sync', () => fh.sync()),
      close: failing('close', () => fh.close()),
    });
  };
  const rename: typeof real.rename = async (from, to) => {
    if (fault.at === 'rename') throw enospc('rename');
    return real.rename(from, to);
  };
  return { ...real, open, rename, default: { ...real, open, rename } };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyframe-atomic-'));
  fault.at = undefined;
});
afterEach(async () => {
  fault.at = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic on a failing disk', () => {
  for (const at of ['open', 'write', 'sync', 'close', 'rename'] as const) {
    it(`a failure at ${at} keeps the old file and leaves no temp file behind`, async () => {
      const target = join(dir, 'job.json');
      await writeFile(target, 'old');
      fault.at = at;
      await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await readdir(dir)).toEqual(['job.json']);
      expect(await readFile(target, 'utf8')).toBe('old');
    });
  }

  it('still replaces the file when nothing fails', async () => {
    const target = join(dir, 'job.json');
    await writeFile(target, 'old');
    await writeJsonAtomic(target, { state: 'done' });
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ state: 'done' });
    expect(await readdir(dir)).toEqual(['job.json']);
  });
});

const support = await tmpfsSupport();

describe.skipIf(!support.ok)(`writeFileAtomic on a real full disk${support.ok ? '' : ` (skipped: ${support.reason})`}`, () => {
  let disk: SmallDisk | undefined;
  afterEach(async () => {
    await disk?.release();
    disk = undefined;
  });

  it('fails with ENOSPC, keeps the old file intact and removes its temp file', async () => {
    disk = await mountSmallDisk(256 * 1024);
    const target = join(disk.dir, 'job.json');
    await writeJsonAtomic(target, { state: 'generating' });
    await disk.fill();
    await expect(writeJsonAtomic(target, { state: 'downloading', pad: 'x'.repeat(10_000) })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect((await readdir(disk.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ state: 'generating' });

    await disk.free();
    await writeJsonAtomic(target, { state: 'done' });
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ state: 'done' });
  });
});
