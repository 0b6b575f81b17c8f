import { createHash } from 'node:crypto';
import type { FakeClock } from './types.js';

/**
 * Idempotency-Key handling for the submit endpoint (contract §1): a key is kept
 * 24 h; the same key with the same body replays the original reply, the same
 * key with another body is a 409. Only successful creations are remembered, so
 * a request that failed validation can be fixed and resent under its key.
 */

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredReply {
  status: number;
  body: unknown;
}

export type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; reply: StoredReply } | { kind: 'conflict' };

interface Entry {
  fingerprint: string;
  reply: StoredReply;
  storedAtMs: number;
}

/** 1–191 visible ASCII characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,191}$/.test(key);
}

/** Key order must not matter: a client may rebuild the same body in another order. */
export function bodyFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: FakeClock, private readonly ttlMs = IDEMPOTENCY_TTL_MS) {}

  lookup(key: string, fingerprint: string): IdempotencyLookup {
    const entry = this.entries.get(key);
    if (!entry || this.clock.now() - entry.storedAtMs >= this.ttlMs) return { kind: 'new' };
    return entry.fingerprint === fingerprint ? { kind: 'replay', reply: entry.reply } : { kind: 'conflict' };
  }

  remember(key: string, fingerprint: string, reply: StoredReply): void {
    this.entries.set(key, { fingerprint, reply, storedAtMs: this.clock.now() });
  }
}
