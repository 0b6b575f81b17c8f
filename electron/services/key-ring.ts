import type { SecretStore } from './types.js';

/**
 * Every read and write of the API key goes through here, so the services'
 * logger knows each key it must redact (the redactor only masks `sk-…`
 * shapes on its own, and a key need not look like that). The key itself is
 * never cached for use: each request reads the store, so a change applies at once.
 */
export class KeyRing {
  private readonly seen = new Set<string>();

  constructor(private readonly store: SecretStore) {}

  async get(): Promise<string | undefined> {
    const key = await this.store.get();
    if (key) this.seen.add(key);
    return key || undefined;
  }

  async has(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  async set(key: string): Promise<void> {
    // Remember it before storing: a store that fails may log what it was given.
    this.seen.add(key);
    await this.store.set(key);
  }

  clear(): Promise<void> {
    return this.store.clear();
  }

  /** Strings the logger must never print (old keys included: they may still sit in an error). */
  secrets(): readonly string[] {
    return [...this.seen];
  }
}
