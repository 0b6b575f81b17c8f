import type { LogFields, LogLevel, Logger } from '../ports.js';

/**
 * Every log line passes through here. Known secrets are replaced wherever they
 * appear (message or any field, however deeply nested), and anything shaped
 * like a bearer token or an `sk-` key is masked even when it is not known.
 */
const TOKEN_PATTERNS = [/Bearer\s+[^\s"',}]+/gi, /\bsk-[A-Za-z0-9_-]{6,}/g];

/** Only the known secrets replaced, no shape-based masking: the text's syntax (JSON) is left intact. */
export function replaceSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = replaceSecrets(text, secrets);
  for (const re of TOKEN_PATTERNS) out = out.replace(re, (m) => (m.toLowerCase().startsWith('bearer') ? 'Bearer [redacted]' : '[redacted]'));
  return out;
}

export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  // Past the depth limit nothing is returned as is: an unread object could still hold a secret.
  if (depth > 6) return '[nested too deep]';
  // An Error's name and message are not enumerable: copied by hand, or it would log as `{}`.
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    return { name: value.name, message: redactText(value.message, secrets), ...(code ? { code: redactText(String(code), secrets) } : {}) };
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = /authorization|api[-_]?key|secret|token|password/i.test(k) ? '[redacted]' : redactValue(v, secrets, depth + 1);
  }
  return out;
}

/**
 * The same value with `fn` applied to every string in it, however deeply nested
 * in arrays and plain objects; numbers, booleans and nulls are kept, so the
 * result keeps its type. Meant for data parsed from JSON: other objects (a
 * Date, a Map) are returned as they are.
 */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  return mapStringsIn(value, fn) as T;
}

function mapStringsIn(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStringsIn(v, fn));
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = mapStringsIn(v, fn);
  return out;
}

export interface LogLine {
  t: string;
  level: LogLevel;
  msg: string;
  fields?: LogFields;
}

/** Wraps a raw line sink so nothing reaches it unredacted. */
export function createRedactingLogger(sink: (line: LogLine) => void, secrets: () => readonly string[], clock: { now(): number }): Logger {
  return {
    log(level, message, fields) {
      const s = secrets();
      sink({
        t: new Date(clock.now()).toISOString(),
        level,
        msg: redactText(message, s),
        ...(fields ? { fields: redactValue(fields, s) as LogFields } : {}),
      });
    },
  };
}
