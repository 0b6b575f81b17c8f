import { describe, expect, it } from 'vitest';
import { createRedactingLogger, mapStrings, redactText, redactValue, replaceSecrets, type LogLine } from '../../../electron/core/util/redact.js';
import { FakeClock } from '../../support/fake-clock.js';

const SECRET = 'my-provider-secret-9f8e7d';

describe('redactText', () => {
  it('replaces a known secret wherever it appears, every time', () => {
    expect(redactText(`key=${SECRET}; again ${SECRET}!`, [SECRET])).toBe('key=[redacted]; again [redacted]!');
  });

  it('masks bearer tokens even when they are not known', () => {
    expect(redactText('Authorization: Bearer abc.def-123', [])).toBe('Authorization: Bearer [redacted]');
    expect(redactText('header bearer xyz', [])).toBe('header Bearer [redacted]');
    expect(redactText('{"authorization":"Bearer xyz","x":1}', [])).toBe('{"authorization":"Bearer [redacted]","x":1}');
  });

  it('masks sk- keys even when they are not known', () => {
    expect(redactText('using sk-live-ABCdef123456 now', [])).toBe('using [redacted] now');
    expect(redactText('sk-abcdef', [])).toBe('[redacted]');
    expect(redactText('(sk-test_key-42xyz)', [])).toBe('([redacted])');
  });

  it('leaves ordinary text alone', () => {
    const text = 'task_01K8SGYNNNVBQTXNR4MM964S7K took 70 s; risk-free; desk-lamp.mp4; ask-me';
    expect(redactText(text, [SECRET])).toBe(text);
  });

  it('ignores secrets shorter than 4 characters (they would mangle everything)', () => {
    expect(redactText('a b c', ['a'])).toBe('a b c');
  });
});

describe('redactValue', () => {
  it('replaces a known secret in nested fields and arrays', () => {
    const value = {
      msg: `failed with ${SECRET}`,
      nested: { list: ['ok', `x${SECRET}y`, { deep: [SECRET] }], n: 42, flag: true, nothing: null },
    };
    expect(redactValue(value, [SECRET])).toEqual({
      msg: 'failed with [redacted]',
      nested: { list: ['ok', 'x[redacted]y', { deep: ['[redacted]'] }], n: 42, flag: true, nothing: null },
    });
  });

  it('masks fields named like credentials whatever their value', () => {
    const out = redactValue(
      {
        authorization: 'anything',
        Authorization: 'Basic Zm9vOmJhcg==',
        apiKey: 'plain',
        api_key: 12345,
        'api-key': { nested: true },
        token: 'abc',
        accessToken: 'abc',
        clientSecret: 'abc',
        password: 'hunter2',
        headers: { authorization: 'x', 'content-type': 'application/json' },
        keep: 'visible',
      },
      [],
    ) as Record<string, unknown>;
    for (const k of ['authorization', 'Authorization', 'apiKey', 'api_key', 'api-key', 'token', 'accessToken', 'clientSecret', 'password']) {
      expect(out[k], k).toBe('[redacted]');
    }
    expect(out.headers).toEqual({ authorization: '[redacted]', 'content-type': 'application/json' });
    expect(out.keep).toBe('visible');
  });

  it('masks unknown bearer and sk- tokens inside nested values', () => {
    expect(redactValue({ a: [{ b: 'Bearer qwerty' }, 'sk-abcdef123'] }, [])).toEqual({ a: [{ b: 'Bearer [redacted]' }, '[redacted]'] });
  });

  it('never returns a secret, however deep it is nested', () => {
    let value: unknown = { leaf: SECRET, other: `sk-unknown-123456` };
    for (let i = 0; i < 12; i++) value = { n: value, list: [value] };
    const out = JSON.stringify(redactValue(value, [SECRET]));
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('sk-unknown');
  });

  it('logs an Error by name and redacted message instead of as {}', () => {
    const e = Object.assign(new Error(`connect failed with ${SECRET}`), { code: 'ECONNRESET' });
    expect(redactValue({ err: e }, [SECRET])).toEqual({ err: { name: 'Error', message: 'connect failed with [redacted]', code: 'ECONNRESET' } });
  });

  it('does not mutate its input', () => {
    const input = { token: 'abc', list: [SECRET] };
    redactValue(input, [SECRET]);
    expect(input).toEqual({ token: 'abc', list: [SECRET] });
  });
});

describe('replaceSecrets', () => {
  it('replaces only the known secrets, so JSON text stays parseable', () => {
    const original = { message: `Bearer ${SECRET}"quoted"`, other: 'Bearer abc\\"x' };
    const text = JSON.stringify(original);
    expect(JSON.parse(replaceSecrets(text, [SECRET]))).toEqual({ message: 'Bearer [redacted]"quoted"', other: original.other });
    // The shape-based masking would eat into the escapes and break the document.
    expect(() => JSON.parse(redactText(text, [SECRET]))).toThrow();
  });
});

describe('mapStrings', () => {
  const clean = (s: string) => replaceSecrets(s, [SECRET]);

  it('maps every string however nested and keeps every other value and the shape', () => {
    const value = { id: 'task_1', status: `saw ${SECRET}`, progress: 5, done: false, none: null, missing: undefined, list: [{ url: `https://x/?k=${SECRET}` }, 3] };
    expect(mapStrings(value, clean)).toEqual({
      id: 'task_1',
      status: 'saw [redacted]',
      progress: 5,
      done: false,
      none: null,
      missing: undefined,
      list: [{ url: 'https://x/?k=[redacted]' }, 3],
    });
    expect(mapStrings(`x ${SECRET}`, clean)).toBe('x [redacted]');
    expect(mapStrings(42, clean)).toBe(42);
  });

  it('does not mutate its input', () => {
    const input = { list: [SECRET], nested: { s: SECRET } };
    mapStrings(input, clean);
    expect(input).toEqual({ list: [SECRET], nested: { s: SECRET } });
  });
});

describe('createRedactingLogger', () => {
  it('redacts message and fields end to end, stamps the clock time, and reads secrets at log time', () => {
    const lines: LogLine[] = [];
    const clock = new FakeClock(Date.UTC(2026, 2, 3, 4, 5, 6));
    let secrets: string[] = [];
    const log = createRedactingLogger((l) => lines.push(l), () => secrets, clock);

    log.log('info', `key is ${SECRET}`, { url: `https://x/?k=${SECRET}`, headers: { Authorization: `Bearer ${SECRET}` } });
    secrets = [SECRET];
    clock.advance(1500);
    log.log('warn', `key is ${SECRET}`, { url: `https://x/?k=${SECRET}`, nested: [{ v: SECRET }] });
    log.log('debug', 'no fields');

    // Before the secret was known, only the shape-based masking applied.
    expect(lines[0]).toEqual({
      t: '2026-03-03T04:05:06.000Z',
      level: 'info',
      msg: `key is ${SECRET}`,
      fields: { url: `https://x/?k=${SECRET}`, headers: { Authorization: '[redacted]' } },
    });
    expect(lines[1]).toEqual({
      t: '2026-03-03T04:05:07.500Z',
      level: 'warn',
      msg: 'key is [redacted]',
      fields: { url: 'https://x/?k=[redacted]', nested: [{ v: '[redacted]' }] },
    });
    expect(lines[2]).toEqual({ t: '2026-03-03T04:05:07.500Z', level: 'debug', msg: 'no fields' });
    expect('fields' in (lines[2] ?? {})).toBe(false);
  });

  it('masks sk- keys in messages even with no known secrets', () => {
    const lines: LogLine[] = [];
    createRedactingLogger((l) => lines.push(l), () => [], new FakeClock()).log('error', 'APIMART_API_KEY=sk-abcdef0123 rejected');
    expect(lines[0]?.msg).toBe('APIMART_API_KEY=[redacted] rejected');
  });
});
