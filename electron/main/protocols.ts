import type { Protocol } from 'electron';
import type { AppServices } from '../services/types.js';
import { createAppFileHandler } from './protocol/app-files.js';
import { createMediaHandler } from './protocol/media-files.js';
import { APP_SCHEME, MEDIA_SCHEME } from './schemes.js';

/**
 * Installs both protocol handlers on the app's session. The schemes themselves
 * were registered as privileged before `ready` (schemes.ts); the pure handlers
 * live in protocol/ so they are testable without Electron.
 */
export function registerProtocols(protocol: Pick<Protocol, 'handle'>, rendererDir: string, resolveMedia: AppServices['resolveMedia']): void {
  protocol.handle(APP_SCHEME, createAppFileHandler(rendererDir));
  protocol.handle(MEDIA_SCHEME, createMediaHandler(resolveMedia));
}
