import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SpendingCapSchema, type Settings } from '../../shared/ipc/views.js';
import { writeJsonAtomic } from '../core/util/atomic-write.js';
import { errnoCode } from '../core/util/fs-errors.js';

/**
 * The spending caps in `<data>/settings.json`, the file the desktop app and
 * the browser host keep their settings in (electron-store and the host's JSON
 * store write the same plain JSON object there). The CLI reads the caps so
 * it honours them, and `keyframe budget` changes only those two keys,
 * leaving every other setting as it is.
 */

export const SETTINGS_FILE = 'settings.json';

export type CapSettings = Pick<Settings, 'dailyCapUsd' | 'monthlyCapUsd'>;

export class SettingsFileDamaged extends Error {}

type Read = { kind: 'missing' } | { kind: 'ok'; raw: Record<string, unknown> } | { kind: 'damaged' };

async function readRaw(dataDir: string): Promise<Read> {
  let text: string;
  try {
    text = await readFile(join(dataDir, SETTINGS_FILE), 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  try {
    const raw: unknown = JSON.parse(text);
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { kind: 'ok', raw: raw as Record<string, unknown> } : { kind: 'damaged' };
  } catch {
    return { kind: 'damaged' };
  }
}

/** The caps in force: a missing file, a damaged one or an invalid value means no cap (as the app reads it). */
export async function readCapSettings(dataDir: string): Promise<CapSettings> {
  const read = await readRaw(dataDir);
  if (read.kind !== 'ok') return {};
  const cap = (v: unknown) => {
    const parsed = SpendingCapSchema.optional().safeParse(v);
    return parsed.success ? parsed.data : undefined;
  };
  const daily = cap(read.raw.dailyCapUsd);
  const monthly = cap(read.raw.monthlyCapUsd);
  return { ...(daily === undefined ? {} : { dailyCapUsd: daily }), ...(monthly === undefined ? {} : { monthlyCapUsd: monthly }) };
}

/** Writes the caps into the settings file (atomically, owner-only), keeping the other settings. */
export async function writeCapSettings(dataDir: string, caps: CapSettings): Promise<void> {
  const read = await readRaw(dataDir);
  // Rewriting a file we cannot read would throw away whatever settings it held.
  if (read.kind === 'damaged') throw new SettingsFileDamaged(`the settings file ${join(dataDir, SETTINGS_FILE)} is damaged; open Keyframe once (it sets the damaged file aside), then try again`);
  const raw = read.kind === 'ok' ? read.raw : {};
  await writeJsonAtomic(join(dataDir, SETTINGS_FILE), { ...raw, ...caps }, { mode: 0o600 });
}
