import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../../shared/errors.js';
import type { LogLine } from '../../../electron/core/util/redact.js';
import { createRedactingLogger } from '../../../electron/core/util/redact.js';
import { createSafeStorageSecretStore, KEY_FILE_NAME, type SafeStorageLike } from '../../../electron/main/adapters/secret-store.js';

const KEY = 'sk-test-0123456789abcdefXYZ';

/** Stands in for the OS: "encrypts" by XOR with a fixed pad, so ciphertext never contains the plaintext. */
function fakeSafeStorage(opts: { available?: boolean; backend?: ReturnType<SafeStorageLike['getSelectedStorageBackend']>; reEncrypt?: boolean } = {}) {
  let encryptions = 0;
  const xor = (b: Buffer): Buffer => Buffer.from(b.map((v, i) => v ^ (0x5a + (i % 7))));
  const fake: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => opts.available ?? true,
    encryptStringAsync: async (s) => {
      encryptions++;
      return Buffer.concat([Buffer.from('v10'), xor(Buffer.from(s, 'utf8'))]);
    },
    decryptStringAsync: async (b) => {
      if (b.subarray(0, 3).toString() !== 'v10') throw new Error('bad ciphertext');
      return { result: xor(b.subarray(3)).toString('utf8'), shouldReEncrypt: opts.reEncrypt ?? false };
    },
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
  };
  return { fake, encryptions: () => encryptions };
}

function setup(o: Parameters<typeof fakeSafeStorage>[0] & { platform?: NodeJS.Platform; allowPlaintext?: boolean; ready?: boolean; dir?: string } = {}) {
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'kf-secret-'));
  const lines: LogLine[] = [];
  const safe = fakeSafeStorage(o);
  // The production logger shape: every line through the redactor, fed by the store's own redaction list.
  const logger = createRedactingLogger((l) => lines.push(l), () => store.redactionList(), { now: () => 0 });
  const store = createSafeStorageSecretStore({
    safeStorage: safe.fake,
    isReady: () => o.ready ?? true,
    file: join(dir, KEY_FILE_NAME),
    platform: o.platform ?? 'linux',
    allowPlaintextKeyStorage: () => o.allowPlaintext ?? false,
    logger,
  });
  return { store, dir, file: join(dir, KEY_FILE_NAME), lines, safe };
}

async function failure(p: Promise<unknown>) {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!isAppFailure(err)) throw new Error(`expected an AppFailure, got ${String(err)}`);
  return err.app;
}

describe('safeStorage secret store', () => {
  it('round-trips the key through an owner-only ciphertext file', async () => {
    const { store, dir, file } = setup();
    expect(await store.get()).toBeUndefined();
    await store.set(KEY);
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(KEY))).toBe(false);
    expect(bytes.toString('latin1')).not.toContain(KEY);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // No temp file left behind by the atomic write.
    expect(readdirSync(dir)).toEqual([KEY_FILE_NAME]);
    expect(await setup({ dir }).store.get()).toBe(KEY);
    expect(store.storage()).toBe('os-encrypted');
    await store.clear();
    expect(readdirSync(dir)).toEqual([]);
    expect(await store.get()).toBeUndefined();
    await store.clear();
  });

  it('refuses to store when OS encryption is unavailable or the app is not ready', async () => {
    const off = setup({ available: false });
    const app = await failure(off.store.set(KEY));
    expect(app.code).toBe('unavailable');
    expect(app.message).toMatch(/secure storage/);
    expect(readdirSync(off.dir)).toEqual([]);
    const early = setup({ ready: false });
    expect((await failure(early.store.set(KEY))).code).toBe('unavailable');
    expect(readdirSync(early.dir)).toEqual([]);
  });

  it('guards the Linux basic_text backend: refused unless the person accepted it', async () => {
    const guarded = setup({ backend: 'basic_text' });
    const app = await failure(guarded.store.set(KEY));
    expect(app.code).toBe('permission');
    expect(app.message).toMatch(/keyring/);
    expect(app.message).toMatch(/plain text/);
    expect(readdirSync(guarded.dir)).toEqual([]);
    expect(guarded.store.storage()).toBe('plain-file');

    const accepted = setup({ backend: 'basic_text', allowPlaintext: true });
    await accepted.store.set(KEY);
    expect(await setup({ dir: accepted.dir, backend: 'basic_text' }).store.get()).toBe(KEY);
    // basic_text means nothing on macOS/Windows: never guarded there.
    await setup({ backend: 'basic_text', platform: 'darwin' }).store.set(KEY);
  });

  it('re-encrypts when the OS rotated its key, and treats undecryptable ciphertext as no key', async () => {
    const { store, dir } = setup();
    await store.set(KEY);
    const rotated = setup({ dir, reEncrypt: true });
    expect(await rotated.store.get()).toBe(KEY);
    expect(rotated.safe.encryptions()).toBe(1);

    const broken = setup();
    await broken.store.set(KEY);
    writeFileSync(broken.file, 'garbage');
    const reopened = setup({ dir: broken.dir });
    expect(await reopened.store.get()).toBeUndefined();
    expect(reopened.lines.map((l) => l.msg)).toEqual(['The stored API key could not be decrypted; it must be entered again']);
  });

  it('keeps the key out of error messages and feeds the log redactor (IPC replies: key-leak.test.ts)', async () => {
    const { store, lines } = setup();
    await store.set(KEY);
    // Anything that logs the key by mistake (a handler, a failing request) is scrubbed by the redactor the store feeds.
    const logger = createRedactingLogger((l) => lines.push(l), () => store.redactionList(), { now: () => 0 });
    logger.log('error', `request failed for ${KEY}`, { nested: { note: `key=${KEY}` }, echo: KEY });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(KEY);
    for (const refused of [setup({ backend: 'basic_text' }), setup({ available: false })]) {
      const app = await failure(refused.store.set(KEY));
      expect(JSON.stringify(app)).not.toContain(KEY);
      expect(JSON.stringify(refused.lines)).not.toContain(KEY);
    }
  });
});
