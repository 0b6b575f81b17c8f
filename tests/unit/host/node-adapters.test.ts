import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogLevel, Logger } from '../../../electron/core/ports.js';
import { createFileSecretStore, KEY_FILE_NAME } from '../../../electron/host/file-secret-store.js';
import { createHostShell, HOST_TRASH_DIR } from '../../../electron/host/host-shell.js';
import { openJsonSettingsStore, SETTINGS_FILE_NAME } from '../../../electron/host/json-settings-store.js';
import { defaultSettings, envLocale, languageFromLocale } from '../../../electron/services/default-settings.js';
import { isAppFailure } from '../../../shared/errors.js';
import { tempDir } from './helpers.js';

function memoryLogger(): Logger & { lines: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] = [];
  return { lines, log: (level, message, fields) => void lines.push({ level, message, ...(fields ? { fields } : {}) }) };
}

const posix = process.platform !== 'win32';

describe('file secret store', () => {
  it('keeps the key in an owner-only file, written atomically, and says it is a plain file', async () => {
    const dir = tempDir();
    const logger = memoryLogger();
    const store = createFileSecretStore(dir, logger);
    expect(store.storage()).toBe('plain-file');
    expect(logger.lines.some((l) => /not OS-encrypted/.test(l.message))).toBe(true);
    expect(await store.get()).toBeUndefined();
    await store.set('  sk-live-abcdef123456  ');
    expect(await store.get()).toBe('sk-live-abcdef123456');
    const path = join(dir, KEY_FILE_NAME);
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
    // No temp files left behind by the atomic write.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.set('sk-second-key-999999');
    expect(await store.get()).toBe('sk-second-key-999999');
    await store.clear();
    expect(existsSync(path)).toBe(false);
    expect(await store.get()).toBeUndefined();
    await store.clear(); // clearing twice is fine
    // The key never appears in a log line.
    expect(JSON.stringify(logger.lines)).not.toContain('sk-live');
  });

  it('treats an empty file as no key and tightens a world-readable file', async () => {
    const dir = tempDir();
    const logger = memoryLogger();
    const store = createFileSecretStore(dir, logger);
    const path = join(dir, KEY_FILE_NAME);
    writeFileSync(path, '\n');
    expect(await store.get()).toBeUndefined();
    if (!posix) return;
    writeFileSync(path, 'sk-copied-in-by-hand-1\n');
    chmodSync(path, 0o644);
    expect(await store.get()).toBe('sk-copied-in-by-hand-1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);
  });
});

describe('json settings store', () => {
  const defaults = (hasKey: boolean, env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) => defaultSettings({ hasKey, env, platform: 'linux' });

  it('derives defaults: template, concurrency 3, system theme, demo mode without a key, language from the locale', () => {
    const d = defaults(false);
    expect(d).toMatchObject({ nameTemplate: '{date}_{time}_{prompt}', concurrency: 3, theme: 'system', demoMode: true, language: 'en' });
    expect(d.outputDir).toMatch(/Videos[/\\]Keyframe$/);
    expect(defaultSettings({ hasKey: false, env: {}, platform: 'darwin' }).outputDir).toMatch(/Movies[/\\]Keyframe$/);
    expect(defaults(true).demoMode).toBe(false);
    expect(defaults(true, { LANG: 'ko_KR.UTF-8' }).language).toBe('ko');
    expect(defaults(true, { LC_ALL: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' }).language).toBe('ko');
    expect(defaults(true, { KEYFRAME_OUTPUT_DIR: '/srv/clips' }).outputDir).toBe('/srv/clips');
    expect(envLocale({ LANG: 'ko_KR.UTF-8' })).toBe('ko-KR');
    expect(languageFromLocale('fr-FR')).toBe('en');
  });

  it('uses defaults when there is no file and persists updates atomically', () => {
    const dir = tempDir();
    const opened = openJsonSettingsStore(dir, defaults(false), memoryLogger());
    expect(opened.notice).toBeUndefined();
    expect(opened.store.get().demoMode).toBe(true);
    const next = opened.store.update({ concurrency: 5, theme: 'dark' });
    expect(next).toMatchObject({ concurrency: 5, theme: 'dark' });
    const onDisk = JSON.parse(readFileSync(join(dir, SETTINGS_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ concurrency: 5, theme: 'dark', demoMode: true });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // A fresh store reads it back; demo mode, never chosen, follows the key found at start.
    expect(openJsonSettingsStore(dir, defaults(false), memoryLogger()).store.get()).toMatchObject({ concurrency: 5, demoMode: true });
    expect(openJsonSettingsStore(dir, defaults(true), memoryLogger()).store.get()).toMatchObject({ concurrency: 5, demoMode: false });
  });

  it('refuses an invalid update and keeps the old settings', () => {
    const dir = tempDir();
    const { store } = openJsonSettingsStore(dir, defaults(true), memoryLogger());
    let caught: unknown;
    try {
      store.update({ concurrency: 99 });
    } catch (err) {
      caught = err;
    }
    expect(isAppFailure(caught) && caught.app).toMatchObject({ code: 'invalid_request', field: 'concurrency' });
    expect(store.get().concurrency).toBe(3);
    expect(existsSync(join(dir, SETTINGS_FILE_NAME))).toBe(false);
  });

  it('moves a damaged file aside (kept) and restores the defaults, with a notice', () => {
    const dir = tempDir();
    const path = join(dir, SETTINGS_FILE_NAME);
    writeFileSync(path, '{"concurrency": 4,');
    const logger = memoryLogger();
    const opened = openJsonSettingsStore(dir, defaults(true), logger, () => 1234);
    expect(opened.store.get()).toEqual(defaults(true));
    expect(opened.notice).toMatch(/damaged.*settings\.json\.corrupt-1234/);
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(join(dir, 'settings.json.corrupt-1234'), 'utf8')).toBe('{"concurrency": 4,');
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);
  });

  it('keeps the good fields of a file with some bad ones', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, SETTINGS_FILE_NAME);
    writeFileSync(path, JSON.stringify({ ...defaults(true), theme: 'dark', concurrency: 99, future: 1 }));
    const opened = openJsonSettingsStore(dir, defaults(true), memoryLogger(), () => 5);
    expect(opened.store.get()).toMatchObject({ theme: 'dark', concurrency: 3 });
    expect(opened.notice).toMatch(/concurrency.*future/);
    expect(existsSync(join(dir, 'settings.json.corrupt-5'))).toBe(true);
  });
});

describe('json settings store: files from older versions', () => {
  const defaults = (hasKey: boolean) => defaultSettings({ hasKey, env: { LANG: 'en_US.UTF-8' }, platform: 'linux' });
  const writeSettings = (dir: string, content: Record<string, unknown>): void => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, SETTINGS_FILE_NAME), JSON.stringify(content));
  };
  const { demoChosen: _unrecorded, ...beforeTheChoice } = defaults(false);

  it('follows the key found at start when no demo choice was recorded: live with a key, demo without', () => {
    const dir = tempDir();
    // Written by a first run without a key: demo mode on, as a default nobody chose.
    writeSettings(dir, { ...beforeTheChoice, demoMode: true, theme: 'dark' });
    const withKey = openJsonSettingsStore(dir, defaults(true), memoryLogger());
    expect(withKey.notice).toBeUndefined();
    expect(withKey.store.get()).toMatchObject({ demoMode: false, demoChosen: false, theme: 'dark' });
    writeSettings(dir, { ...beforeTheChoice, demoMode: false });
    expect(openJsonSettingsStore(dir, defaults(false), memoryLogger()).store.get()).toMatchObject({ demoMode: true, demoChosen: false });
    expect(readdirSync(dir).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('keeps a recorded demo choice whatever the key', () => {
    const dir = tempDir();
    writeSettings(dir, { ...defaults(true), demoMode: true, demoChosen: true });
    expect(openJsonSettingsStore(dir, defaults(true), memoryLogger()).store.get()).toMatchObject({ demoMode: true, demoChosen: true });
    writeSettings(dir, { ...defaults(true), demoMode: false, demoChosen: true });
    expect(openJsonSettingsStore(dir, defaults(true), memoryLogger()).store.get()).toMatchObject({ demoMode: false, demoChosen: true });
  });

  it('gives a setting the file lacks its default, without calling the file damaged', () => {
    const dir = tempDir();
    writeSettings(dir, { concurrency: 2, language: 'ko' });
    const opened = openJsonSettingsStore(dir, defaults(true), memoryLogger(), () => 7);
    expect(opened.notice).toBeUndefined();
    expect(opened.store.get()).toEqual({ ...defaults(true), concurrency: 2, language: 'ko' });
    expect(existsSync(join(dir, 'settings.json.corrupt-7'))).toBe(false);
  });
});

describe('host shell', () => {
  it('refuses reveal with a clear message', async () => {
    const shell = createHostShell();
    await expect(shell.reveal('/x/y.mp4')).rejects.toMatchObject({ app: { code: 'unavailable', message: expect.stringMatching(/^Not available in the browser host/) } });
  });

  it('trashes into a hidden .keyframe-trash folder beside the file, never overwriting', async () => {
    const dir = tempDir();
    const shell = createHostShell();
    writeFileSync(join(dir, 'clip.mp4'), 'one');
    await shell.trash(join(dir, 'clip.mp4'));
    writeFileSync(join(dir, 'clip.mp4'), 'two');
    await shell.trash(join(dir, 'clip.mp4'));
    writeFileSync(join(dir, 'clip.keyframe.json'), '{}');
    await shell.trash(join(dir, 'clip.keyframe.json'));
    const trash = join(dir, HOST_TRASH_DIR);
    expect(readdirSync(trash).sort()).toEqual(['clip (2).mp4', 'clip.keyframe.json', 'clip.mp4']);
    expect(readFileSync(join(trash, 'clip.mp4'), 'utf8')).toBe('one');
    expect(readFileSync(join(trash, 'clip (2).mp4'), 'utf8')).toBe('two');
    expect(existsSync(join(dir, 'clip.mp4'))).toBe(false);
  });

  it('is its own trash: a file already in .keyframe-trash (held there for Undo) stays where it is', async () => {
    const dir = tempDir();
    const shell = createHostShell();
    expect(shell.trashIsAppFolder).toBe(true);
    mkdirSync(join(dir, HOST_TRASH_DIR));
    writeFileSync(join(dir, HOST_TRASH_DIR, 'clip.mp4'), 'held');
    await shell.trash(join(dir, HOST_TRASH_DIR, 'clip.mp4'));
    expect(readdirSync(join(dir, HOST_TRASH_DIR))).toEqual(['clip.mp4']);
    expect(existsSync(join(dir, HOST_TRASH_DIR, HOST_TRASH_DIR))).toBe(false);
  });

  it('has no folder picker', async () => {
    expect(await createHostShell().chooseFolder('/x')).toBeUndefined();
  });
});
