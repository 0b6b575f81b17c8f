import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/ports.js';
import { openJsonSettingsStore, SETTINGS_FILE_NAME } from '../../../electron/host/json-settings-store.js';
import { defaultSettings } from '../../../electron/services/default-settings.js';
import { mountSmallDisk, tmpfsSupport, type SmallDisk } from '../../support/full-disk.js';

const support = await tmpfsSupport();

describe.skipIf(!support.ok)(`browser host settings on a full disk${support.ok ? '' : ` (skipped: ${support.reason})`}`, () => {
  let disk: SmallDisk | undefined;
  afterEach(async () => {
    await disk?.release();
    disk = undefined;
  });

  const open = (dir: string) => openJsonSettingsStore(dir, defaultSettings({ hasKey: true, env: {} }), silentLogger).store;
  const saved = async (dir: string) => JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')) as Record<string, unknown>;

  it('an update with no room fails with ENOSPC and changes nothing: not the file, not memory, no temp file', async () => {
    disk = await mountSmallDisk(128 * 1024);
    const store = open(disk.dir);
    store.update({ concurrency: 2 });
    await disk.fill();
    expect(() => store.update({ concurrency: 7 })).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(store.get().concurrency).toBe(2);
    expect(await saved(disk.dir)).toMatchObject({ concurrency: 2 });
    expect((await readdir(disk.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('an update that only partly fits is refused whole: a short write never becomes a truncated settings file', async () => {
    disk = await mountSmallDisk(128 * 1024);
    const store = open(disk.dir);
    store.update({ concurrency: 2 });
    // One page free; the new file needs two (a 4000-character output folder).
    await disk.leaveFree(4096);
    const longDir = `/${'a'.repeat(4000)}`;
    expect(() => store.update({ outputDir: longDir })).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(store.get().outputDir).not.toBe(longDir);
    expect(await saved(disk.dir)).toMatchObject({ concurrency: 2 });
    expect((await readdir(disk.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    await disk.free();
    store.update({ outputDir: longDir });
    expect(await saved(disk.dir)).toMatchObject({ outputDir: longDir });
  });
});
