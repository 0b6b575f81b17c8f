import { readFile, unlink } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import { appFailure, errorMessage, type ErrorMessage } from '../../../shared/error-messages.js';
import type { AppFailure } from '../../../shared/errors.js';
import type { Logger } from '../../core/ports.js';
import { writeFileAtomic } from '../../core/util/atomic-write.js';
import type { SecretStore } from '../../services/types.js';

/**
 * The APIMart key, encrypted by the OS (Keychain, DPAPI, Secret Service /
 * KWallet) through Electron's safeStorage, kept as ciphertext in
 * `<userData>/apimart-key.bin` (0600, atomic write). The key is never logged,
 * never put in an error message and never returned over IPC (the services
 * only report whether one is set). safeStorage is injected so tests use a fake.
 */

export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export interface SafeStorageSecretStoreOptions {
  safeStorage: SafeStorageLike;
  /** `app.isReady()`: safeStorage cannot work before `ready` (the backend is still 'unknown'). */
  isReady: () => boolean;
  /** `<userData>/apimart-key.bin`. */
  file: string;
  platform: NodeJS.Platform;
  /** The person explicitly accepted a key store without a keyring (Linux `basic_text`). */
  allowPlaintextKeyStorage: () => boolean;
  logger: Logger;
}

export interface SafeStorageSecretStore extends SecretStore {
  /** The key as last read or set, for the log redactor only. */
  redactionList(): readonly string[];
}

export const KEY_FILE_NAME = 'apimart-key.bin';

const fail = (code: 'unavailable' | 'permission', message: ErrorMessage): AppFailure => appFailure(code, message, { retryable: false });

export function createSafeStorageSecretStore(o: SafeStorageSecretStoreOptions): SafeStorageSecretStore {
  let cached: string | undefined;
  const plaintextBackend = (): boolean => o.platform === 'linux' && o.isReady() && o.safeStorage.getSelectedStorageBackend() === 'basic_text';

  async function assertCanEncrypt(): Promise<void> {
    if (!o.isReady()) throw fail('unavailable', errorMessage('key.storage_not_ready'));
    if (!(await o.safeStorage.isAsyncEncryptionAvailable())) {
      throw fail('unavailable', errorMessage('key.no_secure_storage'));
    }
    // Chromium's `basic_text` backend encrypts with a fixed, publicly known password: that is plain text in disguise.
    if (plaintextBackend() && !o.allowPlaintextKeyStorage()) {
      throw fail('permission', errorMessage('key.plaintext_refused'));
    }
  }

  async function write(key: string): Promise<void> {
    const cipher = await o.safeStorage.encryptStringAsync(key);
    await writeFileAtomic(o.file, cipher, { mode: 0o600 });
  }

  return {
    async get() {
      if (cached !== undefined) return cached;
      let cipher: Buffer;
      try {
        cipher = await readFile(o.file);
      } catch {
        return undefined; // no key saved yet
      }
      if (!o.isReady()) return undefined;
      try {
        const { result, shouldReEncrypt } = await o.safeStorage.decryptStringAsync(cipher);
        cached = result;
        // The OS rotated its key: store under the new one so the next start still decrypts.
        if (shouldReEncrypt) await write(result).catch((err: unknown) => o.logger.log('warn', 'Could not re-encrypt the stored API key', { error: err }));
        return result;
      } catch (err) {
        // A keychain reset or a copied profile: the ciphertext is useless, ask for the key again.
        o.logger.log('warn', 'The stored API key could not be decrypted; it must be entered again', { error: err });
        return undefined;
      }
    },
    async set(key) {
      await assertCanEncrypt();
      await write(key);
      cached = key;
    },
    async clear() {
      cached = undefined;
      await unlink(o.file).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },
    storage() {
      return plaintextBackend() ? 'plain-file' : 'os-encrypted';
    },
    redactionList: () => (cached !== undefined ? [cached] : []),
  };
}
