import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/ports.js';
import { openJsonSettingsStore, SETTINGS_FILE_NAME } from '../../../electron/host/json-settings-store.js';
import { defaultSettings } from '../../../electron/services/default-settings.js';

/** A settings file holding only some keys (an older version's, or the caps `keyframe budget` wrote) is not damage. */
describe('browser host settings: a file with some keys', () => {
  it('fills the missing keys from the defaults, with no notice and no copy set aside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyframe-settings-partial-'));
    writeFileSync(join(dir, SETTINGS_FILE_NAME), JSON.stringify({ dailyCapUsd: 5, theme: 'dark' }));
    const defaults = defaultSettings({ hasKey: true, env: { LANG: 'en_US.UTF-8' }, platform: 'linux' });
    const opened = openJsonSettingsStore(dir, defaults, silentLogger, () => 7);
    expect(opened.notice).toBeUndefined();
    expect(opened.store.get()).toEqual({ ...defaults, dailyCapUsd: 5, theme: 'dark' });
    expect(readdirSync(dir).filter((n) => n.includes('corrupt'))).toEqual([]);
    expect(existsSync(join(dir, SETTINGS_FILE_NAME))).toBe(true);
  });
});
