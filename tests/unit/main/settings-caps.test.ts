import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../../shared/errors.js';
import type { Settings } from '../../../shared/ipc/views.js';
import { silentLogger } from '../../../electron/core/ports.js';
import { openSettingsStore, type KeyValueStoreOptions } from '../../../electron/main/adapters/settings-store.js';

/** The desktop app's settings keep the spending caps: set, cleared, read back, and as `keyframe budget` wrote them. */
class ConfStore extends Conf<Record<string, unknown>> {
  constructor(o: KeyValueStoreOptions) {
    super({ configName: o.name, cwd: o.cwd, defaults: o.defaults, configFileMode: o.configFileMode, clearInvalidConfig: o.clearInvalidConfig, accessPropertiesByDotNotation: o.accessPropertiesByDotNotation });
  }
}

const defaults: Settings = { outputDir: '/home/me/Videos/Keyframe', nameTemplate: '{date}-{prompt}', concurrency: 3, language: 'en', theme: 'system', demoMode: true, demoChosen: false, dailyCapUsd: null, monthlyCapUsd: null };
const open = (cwd: string) => openSettingsStore({ Store: ConfStore, cwd, defaults, logger: silentLogger });

describe('electron-store settings: spending caps', () => {
  it('stores a cap, clears it with null, and reads both back', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kf-caps-'));
    expect(open(cwd).store.update({ dailyCapUsd: 5, monthlyCapUsd: 40.5 })).toMatchObject({ dailyCapUsd: 5, monthlyCapUsd: 40.5 });
    expect(open(cwd).store.get()).toMatchObject({ dailyCapUsd: 5, monthlyCapUsd: 40.5 });
    open(cwd).store.update({ dailyCapUsd: null });
    expect(open(cwd).store.get()).toMatchObject({ dailyCapUsd: null, monthlyCapUsd: 40.5 });
  });

  it('refuses a negative or unbounded cap, naming it, and keeps the file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kf-caps-'));
    const { store } = open(cwd);
    for (const bad of [-1, 2_000_000]) {
      let caught: unknown;
      try {
        store.update({ monthlyCapUsd: bad });
      } catch (err) {
        caught = err;
      }
      expect(isAppFailure(caught) && caught.app).toMatchObject({ code: 'invalid_request', field: 'monthlyCapUsd', key: 'settings.spending_cap' });
    }
    expect(store.get().monthlyCapUsd).toBeNull();
  });

  it('reads caps `keyframe budget` wrote into a file that holds nothing else', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kf-caps-'));
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ dailyCapUsd: 3 }));
    const opened = open(cwd);
    expect(opened.notice).toBeUndefined();
    expect(opened.store.get()).toEqual({ ...defaults, dailyCapUsd: 3 });
    expect(JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8'))).toMatchObject({ dailyCapUsd: 3 });
  });
});
