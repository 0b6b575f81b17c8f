import { resolve } from 'node:path';
import { defaultDataDir, defaultOutputDir, readAppVersion } from '../services/environment-defaults.js';

/**
 * Where the CLI keeps its data and finds its key. The data folder matches the
 * desktop app's (Electron's userData for "Keyframe"), so both see one queue.
 */
export interface CliEnvironment {
  dataDir: string;
  outputDir: string;
  apiKey?: string;
  baseUrl?: string;
  appVersion: string;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): CliEnvironment {
  const key = env.APIMART_API_KEY?.trim();
  return {
    dataDir: resolve(env.KEYFRAME_DATA_DIR || defaultDataDir(env)),
    outputDir: resolve(env.KEYFRAME_OUTPUT_DIR || defaultOutputDir()),
    ...(key ? { apiKey: key } : {}),
    ...(env.APIMART_BASE_URL ? { baseUrl: env.APIMART_BASE_URL } : {}),
    appVersion: readAppVersion(),
  };
}
