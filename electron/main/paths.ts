import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where things are at run time. main.js and preload.cjs sit side by side in
 * dist-electron/; the renderer is renderer/dist inside the app (the asar
 * archive when packaged, the repository when run with `electron .`).
 */
export interface AppPaths {
  userData: string;
  preload: string;
  dragIcon: string;
  rendererDir: string;
  keyFile: string;
  logFile: string;
}

export function appPaths(app: { getPath(name: 'userData'): string; getAppPath(): string }): AppPaths {
  const userData = app.getPath('userData');
  return {
    userData,
    preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
    dragIcon: fileURLToPath(new URL('./drag-icon.png', import.meta.url)),
    rendererDir: join(app.getAppPath(), 'renderer', 'dist'),
    keyFile: join(userData, 'apimart-key.bin'),
    logFile: join(userData, 'logs', 'keyframe.log'),
  };
}
