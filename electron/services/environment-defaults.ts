import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where Keyframe keeps its data and puts its videos when nothing says
 * otherwise, shared by the desktop app, the browser host and the CLI. The data
 * folder matches the desktop app's (Electron's userData for "Keyframe"), so
 * every front end sees one queue.
 */

export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Keyframe');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Keyframe');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Keyframe');
}

export function defaultOutputDir(platform: NodeJS.Platform = process.platform): string {
  return join(homedir(), platform === 'darwin' ? 'Movies' : 'Videos', 'Keyframe');
}

/** The version in package.json, found by walking up from this module. */
export function readAppVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'keyframe' && pkg.version) return pkg.version;
    } catch {
      // keep walking up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
