import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  appError,
  ERROR_MESSAGES,
  errorMessage,
  fillTemplate,
  PARAM_MAX_CHARS,
  withNote,
  type ErrorKey,
  type ParamsOf,
  type Placeholders,
} from '../../../shared/error-messages.js';
import { AppErrorSchema } from '../../../shared/errors.js';

/**
 * The catalog: every message main can send has one English template (the
 * Korean side is checked in tests/unit/renderer/error-text.test.ts); params are
 * typed from the template, so a message cannot be built with a missing or a
 * stray param.
 */

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const keys = Object.keys(ERROR_MESSAGES) as ErrorKey[];

describe('the error catalog', () => {
  it('gives every key its own English text, so a text leads back to exactly one key', () => {
    const texts = keys.map((k) => ERROR_MESSAGES[k]);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses only word placeholders, each key spelt as the page looks it up', () => {
    expect(keys.filter((k) => !/^[a-z0-9_]+(\.[a-z0-9_]+)*$/.test(k))).toEqual([]);
    expect(keys.flatMap((k) => placeholders(ERROR_MESSAGES[k])).filter((p) => !/^[a-zA-Z]+$/.test(p))).toEqual([]);
  });
});

describe('errorMessage', () => {
  it('fills the English template and keeps the params beside it', () => {
    expect(errorMessage('download.refused', { status: 451 })).toEqual({
      key: 'download.refused',
      params: { status: 451 },
      message: 'The video host refused the download (HTTP 451).',
    });
    expect(errorMessage('apimart.auth')).toEqual({ key: 'apimart.auth', message: ERROR_MESSAGES['apimart.auth'] });
  });

  it('reads a `{ or }` in text as text, and a token given as a param as the token', () => {
    expect(errorMessage('name_template.brace').message).toBe('The file name template has a { or } without its partner.');
    expect(errorMessage('name_template.empty_name', { dateToken: '{date}', promptToken: '{prompt}' }).message).toBe(
      'The file name template produces an empty name: add a token such as {date} or {prompt}.',
    );
    // A value is never read again as a template: `{provider}` in the provider's words stays.
    expect(fillTemplate('said: {provider} ({code})', { provider: 'a {code} b', code: 7 })).toBe('said: a {code} b (7)');
  });

  it('cuts a long param (a provider message) so the journal and the page get a bounded error', () => {
    const made = errorMessage('task.failed', { provider: 'x'.repeat(PARAM_MAX_CHARS * 3) });
    expect(String(made.params?.provider)).toHaveLength(PARAM_MAX_CHARS);
    expect(AppErrorSchema.safeParse(appError('generation_failed', made)).success).toBe(true);
  });

  it('types the params from the template', () => {
    expectTypeOf<Placeholders<'a {x} and {y}, a { or } b'>>().toEqualTypeOf<'x' | 'y'>();
    expectTypeOf<ParamsOf<'download.stalled.of'>>().toEqualTypeOf<{ seconds: string | number; done: string | number; total: string | number }>();
    // @ts-expect-error a missing param does not compile
    errorMessage('download.refused', {});
    // @ts-expect-error an extra param does not compile
    errorMessage('download.refused', { status: 500, url: 'https://x' });
    // @ts-expect-error a template with placeholders needs its params
    errorMessage('job.no_such_id');
    // @ts-expect-error a template without placeholders takes none
    errorMessage('apimart.auth', { provider: 'x' });
  });
});

describe('AppError with a key', () => {
  it('loads a journal entry written before keys existed, and one written with a key this version does not know', () => {
    expect(AppErrorSchema.parse({ code: 'auth', message: 'APIMart did not accept the API key.' })).toEqual({ code: 'auth', message: 'APIMart did not accept the API key.' });
    expect(AppErrorSchema.safeParse({ code: 'io', message: 'm', key: 'some.later.key', params: { n: 1 } }).success).toBe(true);
  });

  it('refuses unbounded params', () => {
    const many = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`p${i}`, i]));
    expect(AppErrorSchema.safeParse({ code: 'io', message: 'm', key: 'k', params: many }).success).toBe(false);
    expect(AppErrorSchema.safeParse({ code: 'io', message: 'm', key: 'k', params: { p: 'x'.repeat(1001) } }).success).toBe(false);
    expect(AppErrorSchema.safeParse({ code: 'io', message: 'm', key: 'k'.repeat(101) }).success).toBe(false);
  });

  it('a note adds its sentence to the English and travels as its own key', () => {
    const base = appError('network', errorMessage('apimart.network'), { retryable: true });
    const noted = withNote(base, errorMessage('job.upload_gave_up', { attempts: 4 }));
    expect(noted).toMatchObject({ code: 'network', key: 'apimart.network', note: { key: 'job.upload_gave_up', params: { attempts: 4 } } });
    expect(noted.message).toBe(
      'Could not reach APIMart (network problem); Keyframe will retry. The frame upload failed 4 times; resume the job to try again.',
    );
  });
});
