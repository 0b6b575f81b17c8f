import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../../shared/errors.js';
import type { Settings } from '../../../shared/ipc/views.js';
import type { LogLevel } from '../../../electron/core/ports.js';
import { openSettingsStore, type KeyValueStoreOptions } from '../../../electron/main/adapters/settings-store.js';

/**
 * electron-store is `conf` plus Electron's userData path (and an import of
 * 'electron' that cannot load under plain Node), so tests hand the adapter
 * conf itself: the same reading, writing and defaults logic.
 */
class ConfStore extends Conf<Record<string, unknown>> {
  constructor(o: KeyValueStoreOptions) {
    super({
      configName: o.name,
      cwd: o.cwd,
      defaults: o.defaults,
      configFileMode: o.configFileMode,
      clearInvalidConfig: o.clearInvalidConfig,
      accessPropertiesByDotNotation: o.accessPropertiesByDotNotation,
    });
  }
}

const defaults: Settings = { outputDir: '/home/me/Videos/Keyframe', nameTemplate: '{date}-{prompt}', concurrency: 3, language: 'en', theme: 'system', demoMode: true, demoChosen: false };

function open(cwd: string) {
  const warnings: string[] = [];
  const logger = { log: (level: LogLevel, message: string) => void (level === 'warn' && warnings.push(message)) };
  return { ...openSettingsStore({ Store: ConfStore, cwd, defaults, logger, now: () => 1_700_000_000_000 }), warnings };
}
const fresh = () => mkdtempSync(join(tmpdir(), 'kf-settings-'));

describe('electron-store settings', () => {
  it('starts from the defaults and persists validated updates in an owner-only file', () => {
    const cwd = fresh();
    const { store, notice } = open(cwd);
    expect(notice).toBeUndefined();
    expect(store.get()).toEqual(defaults);
    expect(store.update({ concurrency: 5, theme: 'dark' })).toEqual({ ...defaults, concurrency: 5, theme: 'dark' });
    expect(open(cwd).store.get()).toEqual({ ...defaults, concurrency: 5, theme: 'dark' });
    if (process.platform !== 'win32') expect(statSync(join(cwd, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses an invalid update and keeps the file as it was', () => {
    const cwd = fresh();
    const { store } = open(cwd);
    store.update({ concurrency: 4 });
    let err: unknown;
    try {
      store.update({ concurrency: 99 });
    } catch (e) {
      err = e;
    }
    expect(isAppFailure(err) && err.app.code === 'invalid_request' && err.app.field === 'concurrency').toBe(true);
    expect(store.get().concurrency).toBe(4);
    expect(JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8')).concurrency).toBe(4);
  });

  it('moves a corrupt file aside, restores the defaults and says so', () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'settings.json'), '{"concurrency": 4, "theme": "da');
    const { store, notice, warnings } = open(cwd);
    expect(store.get()).toEqual(defaults);
    const kept = join(cwd, 'settings.json.corrupt-1700000000000');
    expect(readFileSync(kept, 'utf8')).toBe('{"concurrency": 4, "theme": "da');
    expect(notice?.message).toMatch(/damaged.*settings\.json\.corrupt-1700000000000/);
    expect(notice).toMatchObject({ key: 'settings.damaged', params: { name: 'settings.json.corrupt-1700000000000' } });
    expect(warnings).toEqual([notice?.message]);
    expect(JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8'))).toEqual(defaults);
  });

  it('treats schema-invalid values and unknown keys as damage too', () => {
    for (const content of [{ ...defaults, concurrency: 99 }, { ...defaults, theme: 'neon' }, { ...defaults, apiKey: 'x' }, ['not', 'an', 'object'], null]) {
      const cwd = fresh();
      writeFileSync(join(cwd, 'settings.json'), JSON.stringify(content));
      const { store, notice } = open(cwd);
      expect(store.get(), JSON.stringify(content)).toEqual(defaults);
      expect(notice).toBeDefined();
      expect(readdirSync(cwd).sort()).toEqual(['settings.json', 'settings.json.corrupt-1700000000000']);
    }
  });

  it('follows the key found at start when a file records no demo choice, and keeps one it records', () => {
    const cwd = fresh();
    const { demoChosen: _unrecorded, ...beforeTheChoice } = defaults;
    // A first run without a key wrote demo mode on, as a default nobody chose.
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ ...beforeTheChoice, demoMode: true }));
    const withKey = { ...defaults, demoMode: false };
    const opened = openSettingsStore({ Store: ConfStore, cwd, defaults: withKey, logger: { log: () => undefined }, now: () => 1 });
    expect(opened.notice).toBeUndefined();
    expect(opened.store.get()).toMatchObject({ demoMode: false, demoChosen: false });

    opened.store.update({ demoMode: true, demoChosen: true });
    const reopened = openSettingsStore({ Store: ConfStore, cwd, defaults: withKey, logger: { log: () => undefined }, now: () => 1 });
    expect(reopened.store.get()).toMatchObject({ demoMode: true, demoChosen: true });
    expect(existsSync(join(cwd, 'settings.json.corrupt-1'))).toBe(false);
  });

  it('keeps an older file that only lacks newer keys', () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ concurrency: 2, language: 'ko' }));
    const { store, notice } = open(cwd);
    expect(notice).toBeUndefined();
    expect(store.get()).toEqual({ ...defaults, concurrency: 2, language: 'ko' });
    expect(existsSync(join(cwd, 'settings.json.corrupt-1700000000000'))).toBe(false);
  });
});
