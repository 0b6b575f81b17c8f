import { closeSync, copyFileSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../core/ports.js';
import { SettingsSchema, type Settings } from '../../shared/ipc/views.js';
import type { SettingsStore } from '../services/types.js';
import { settleDemoMode } from '../services/demo-choice.js';
import { applySettingsPatch } from '../services/settings-patch.js';

/**
 * The browser host's settings: `<dataDir>/settings.json`, validated with the
 * contract's SettingsSchema. The SettingsStore port is synchronous (settings
 * are read on every submit), so writes are synchronous too: temp file, fsync,
 * rename — a crash leaves the old file or the new one, never half of each.
 *
 * A damaged file never stops the app: unreadable JSON is moved aside (kept as
 * `settings.json.corrupt-<time>`) and defaults are used; a readable file with
 * some bad fields keeps its good fields, and a copy of the original is kept.
 * A file from an older version gains the keys it lacks from the defaults, and
 * demo mode follows the key unless the person chose it (demo-choice.ts).
 */

export const SETTINGS_FILE_NAME = 'settings.json';

export interface OpenedSettings {
  store: SettingsStore;
  /** Set when the file was damaged: a sentence for the console and the log. */
  notice?: string;
}

export function openJsonSettingsStore(dataDir: string, defaults: Settings, logger: Logger, now: () => number = Date.now): OpenedSettings {
  const path = join(dataDir, SETTINGS_FILE_NAME);
  const loaded = load(path, defaults, now);
  if (loaded.notice) logger.log('warn', loaded.notice, { file: path, keptAs: loaded.keptAs });
  let current = loaded.settings;

  const store: SettingsStore = {
    get: () => ({ ...current }),
    update(patch) {
      const next = applySettingsPatch(current, patch);
      writeJsonSync(path, next);
      current = next;
      return { ...current };
    },
  };
  return { store, ...(loaded.notice ? { notice: loaded.notice } : {}) };
}

function load(path: string, defaults: Settings, now: () => number): { settings: Settings; notice?: string; keptAs?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaults };
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const keptAs = `${path}.corrupt-${now()}`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    renameSync(path, keptAs);
    return { settings: defaults, keptAs, notice: `The settings file was damaged; it was kept as ${basename(keptAs)} and the defaults are in use.` };
  }
  // Keys missing from an older file (or one `keyframe budget` wrote) take their defaults: no damage.
  const whole = SettingsSchema.safeParse({ ...defaults, ...raw });
  if (whole.success) return { settings: settleDemoMode(whole.data, defaults) };

  // Salvage field by field: one bad value (say, a hand-edited concurrency of 99) must not cost every other setting.
  const record = raw as Record<string, unknown>;
  const settings: Settings = { ...defaults };
  const reset: string[] = [];
  const known = Object.keys(SettingsSchema.shape) as (keyof Settings)[];
  for (const key of known) {
    const field = SettingsSchema.shape[key].safeParse(record[key]);
    if (field.success && record[key] !== undefined) Object.assign(settings, { [key]: field.data });
    else if (record[key] !== undefined) reset.push(key);
  }
  const unknown = Object.keys(record).filter((k) => !(known as string[]).includes(k));
  copyFileSync(path, keptAs);
  return {
    settings: settleDemoMode(settings, defaults),
    keptAs,
    notice: `Some settings were not valid (${[...reset, ...unknown.map((k) => `unknown “${k}”`)].join(', ')}) and were reset or dropped; the original file was kept as ${basename(keptAs)}.`,
  };
}

function writeJsonSync(path: string, value: unknown): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o600);
    // writeFileSync, not writeSync: on a nearly full disk a single write stores only part of
    // the text and reports success; renaming that would replace the settings with a torn file.
    writeFileSync(fd, `${JSON.stringify(value, null, 2)}\n`);
    fsyncSync(fd);
    const closing = fd;
    fd = undefined;
    closeSync(closing);
    renameSync(tmp, path);
  } catch (err) {
    // A failed write's temp file would hold the very space a full disk lacks.
    if (fd !== undefined) ignoreErrors(() => closeSync(fd as number));
    ignoreErrors(() => unlinkSync(tmp));
    throw err;
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Directories cannot be fsynced on Windows; the rename is still atomic.
  }
}

function ignoreErrors(fn: () => void): void {
  try {
    fn();
  } catch {
    // Cleaning up after a failure that is already being reported.
  }
}
