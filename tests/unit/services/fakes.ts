import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Settings } from '../../../shared/ipc/views.js';
import type { LogFields, LogLevel, Logger } from '../../../electron/core/ports.js';
import type { SecretStore, SettingsStore, ShellPort } from '../../../electron/services/types.js';

/** In-memory ports for the services tests: each records what it was asked to do. */

export class MemorySecretStore implements SecretStore {
  key: string | undefined;
  async get(): Promise<string | undefined> {
    return this.key;
  }
  async set(key: string): Promise<void> {
    this.key = key;
  }
  async clear(): Promise<void> {
    this.key = undefined;
  }
  storage(): 'os-encrypted' | 'plain-file' | 'none' {
    return this.key ? 'os-encrypted' : 'none';
  }
}

export class MemorySettingsStore implements SettingsStore {
  constructor(private current: Settings) {}
  get(): Settings {
    return { ...this.current };
  }
  update(patch: Partial<Settings>): Settings {
    this.current = { ...this.current, ...patch };
    return this.get();
  }
}

export const defaultSettings = (outputDir: string, patch: Partial<Settings> = {}): Settings => ({
  outputDir,
  nameTemplate: '{prompt}_{id}',
  concurrency: 3,
  language: 'en',
  theme: 'system',
  demoMode: false,
  ...patch,
});

/** A shell whose trash really moves files (into `<trashDir>`), so the library sees them go. */
export class FakeShell implements ShellPort {
  readonly trashed: string[] = [];
  readonly revealed: string[] = [];
  readonly notifications: [string, string][] = [];
  readonly progress: (number | undefined)[] = [];
  nextFolder: string | undefined;

  constructor(private readonly trashDir: string) {}

  async reveal(path: string): Promise<void> {
    this.revealed.push(path);
  }
  /** Makes trash() fail (as the OS trash does on a volume without one). */
  trashFails = false;
  async trash(path: string): Promise<void> {
    if (this.trashFails) throw Object.assign(new Error('no trash on this volume'), { code: 'EXDEV' });
    this.trashed.push(path);
    await mkdir(this.trashDir, { recursive: true });
    await rename(path, join(this.trashDir, `${this.trashed.length}-${basename(path)}`));
  }
  async chooseFolder(_current: string): Promise<string | undefined> {
    return this.nextFolder;
  }
  notify(title: string, body: string): void {
    this.notifications.push([title, body]);
  }
  setProgress(fraction: number | undefined): void {
    this.progress.push(fraction);
  }
}

export interface LoggedLine {
  level: LogLevel;
  message: string;
  fields?: LogFields;
}

/** Keeps every line, as the services handed it to the port (already redacted by them). */
export class MemoryLogger implements Logger {
  readonly lines: LoggedLine[] = [];
  log(level: LogLevel, message: string, fields?: LogFields): void {
    this.lines.push({ level, message, ...(fields ? { fields } : {}) });
  }
  text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }
}
