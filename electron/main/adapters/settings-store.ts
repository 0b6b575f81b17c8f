import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';
import { SettingsSchema, type Settings } from '../../../shared/ipc/views.js';
import type { Logger } from '../../core/ports.js';
import type { SettingsStore } from '../../services/types.js';
import { settleDemoMode } from '../../services/demo-choice.js';
import { applySettingsPatch } from '../../services/settings-patch.js';

/**
 * Settings over electron-store 11 (atomic writes, one JSON file in userData),
 * validated with the contract's SettingsSchema on the way in and out. The
 * store class is injected: production passes electron-store, tests pass its
 * Electron-free base class `conf`. A damaged or invalid file never stops the
 * app: it is moved aside (kept as `settings.json.corrupt-<time>`) and the
 * defaults are used, with a notice for the person. A file from an older
 * version gains the keys it lacks from the defaults, and demo mode follows the
 * key unless the person chose it (demo-choice.ts).
 */

export interface KeyValueStoreOptions {
  name: string;
  cwd: string;
  defaults: Settings;
  configFileMode: number;
  clearInvalidConfig: boolean;
  accessPropertiesByDotNotation: boolean;
}
export interface KeyValueStore {
  store: Record<string, unknown>;
}
export type KeyValueStoreCtor = new (options: KeyValueStoreOptions) => KeyValueStore;

export interface OpenSettingsOptions {
  Store: KeyValueStoreCtor;
  /** `app.getPath('userData')`. */
  cwd: string;
  defaults: Settings;
  logger: Logger;
  now?: () => number;
}

export interface OpenedSettingsStore {
  store: SettingsStore;
  /** What to tell the person when the file had to be replaced. */
  notice?: ErrorMessage;
}

export const SETTINGS_NAME = 'settings';

function isValidFile(path: string, defaults: Settings): boolean {
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    // Keys missing from an older file are filled from the defaults; anything else wrong is damage.
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && SettingsSchema.safeParse({ ...defaults, ...raw }).success;
  } catch {
    return false;
  }
}

/** Moves an unreadable or invalid file aside before electron-store sees it (it would throw or silently wipe it). */
function quarantineIfInvalid(path: string, defaults: Settings, now: () => number): string | undefined {
  if (!existsSync(path)) return undefined;
  if (isValidFile(path, defaults)) return undefined;
  const keptAs = `${path}.corrupt-${now()}`;
  renameSync(path, keptAs);
  return keptAs;
}

export function openSettingsStore(o: OpenSettingsOptions): OpenedSettingsStore {
  const path = join(o.cwd, `${SETTINGS_NAME}.json`);
  const keptAs = quarantineIfInvalid(path, o.defaults, o.now ?? Date.now);
  const kv = new o.Store({
    name: SETTINGS_NAME,
    cwd: o.cwd,
    defaults: o.defaults,
    configFileMode: 0o600,
    // We validate with zod ourselves; electron-store must never drop a file on its own.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  });
  let current: Settings = settleDemoMode(SettingsSchema.parse({ ...o.defaults, ...kv.store }), o.defaults);
  const notice = keptAs ? errorMessage('settings.damaged', { name: basename(keptAs) }) : undefined;
  if (notice) o.logger.log('warn', notice.message, { keptAs });

  const store: SettingsStore = {
    get: () => ({ ...current }),
    update(patch) {
      const next = applySettingsPatch(current, patch);
      kv.store = { ...next };
      current = next;
      return { ...current };
    },
  };
  return notice ? { store, notice } : { store };
}
