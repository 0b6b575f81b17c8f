import { resolve } from 'node:path';
import type { Settings } from '../../shared/ipc/views.js';
import { DEFAULT_NAME_TEMPLATE } from '../core/library/file-naming.js';
import { defaultOutputDir } from './environment-defaults.js';

/** The settings a first run starts with, for the desktop app and the browser host alike. */

export interface SettingsDefaultsInput {
  /** Whether a key is stored: without one, demo mode is on so the first Generate works; with one, jobs run on APIMart. */
  hasKey: boolean;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export function defaultSettings(input: SettingsDefaultsInput): Settings {
  const env = input.env ?? process.env;
  return {
    // KEYFRAME_OUTPUT_DIR as for the CLI, so both put videos in one place.
    outputDir: env.KEYFRAME_OUTPUT_DIR ? resolve(env.KEYFRAME_OUTPUT_DIR) : defaultOutputDir(input.platform ?? process.platform),
    nameTemplate: DEFAULT_NAME_TEMPLATE,
    concurrency: 3,
    language: languageFromLocale(envLocale(env)),
    theme: 'system',
    demoMode: !input.hasKey,
    // Nobody chose yet: demo mode follows the key (demo-choice.ts).
    demoChosen: false,
    dailyCapUsd: null,
    monthlyCapUsd: null,
  };
}

/** The locale the environment asks for (`ko_KR.UTF-8` → `ko-KR`), falling back to Intl's. */
export function envLocale(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE?.split(':')[0];
  if (raw && raw !== 'C' && raw !== 'POSIX') return raw.split('.')[0]?.replace('_', '-') || 'en';
  return Intl.DateTimeFormat().resolvedOptions().locale || 'en';
}

export function languageFromLocale(locale: string): Settings['language'] {
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
