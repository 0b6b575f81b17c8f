import { chmod, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../core/ports.js';
import { writeFileAtomic } from '../core/util/atomic-write.js';
import type { SecretStore } from '../services/types.js';

/**
 * The browser host's key store: a plain file, `<dataDir>/apimart-key.txt`,
 * readable by its owner only (0600).
 *
 * READ THIS BEFORE RELYING ON IT: the key is NOT encrypted. The desktop app
 * keeps it with Electron's safeStorage (the OS keychain); a plain Node process
 * has no keychain API without native modules, which this project avoids. The
 * protection is the file mode alone: anyone who can act as your user (or
 * root, or read a backup of your home folder) can read the key. The UI says
 * so (`keyStorage: 'plain-file'`) and a notice is logged when the store opens.
 * To remove the key, use "Clear key" in the app or delete the file.
 */

export const KEY_FILE_NAME = 'apimart-key.txt';

export function createFileSecretStore(dataDir: string, logger: Logger): SecretStore {
  const path = join(dataDir, KEY_FILE_NAME);
  logger.log('info', 'The APIMart key is kept in a plain owner-only file (mode 0600), not OS-encrypted: the browser host has no OS keychain.', {
    file: path,
  });
  return {
    async get() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      await tightenMode(path, logger);
      const key = text.trim();
      return key === '' ? undefined : key;
    },
    async set(key) {
      // Temp file + rename: a crash never leaves half a key, and the temp file is 0600 from its first byte.
      await writeFileAtomic(path, `${key.trim()}\n`, { mode: 0o600 });
    },
    async clear() {
      await unlink(path).catch((err: unknown) => {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      });
    },
    storage: () => 'plain-file',
  };
}

/** A key file copied in by hand (or restored from a backup) may be world-readable: fix it, once, loudly. */
async function tightenMode(path: string, logger: Logger): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const { mode } = await stat(path);
    if ((mode & 0o077) !== 0) {
      await chmod(path, 0o600);
      logger.log('warn', 'The key file was readable by other users; its mode is now 0600.', { file: path });
    }
  } catch {
    // Best effort: the read already succeeded.
  }
}
