import { beforeAll, describe, expect, it } from 'vitest';
import { appError, ERROR_MESSAGES, errorMessage, type ErrorKey } from '../../../shared/error-messages.js';
import { AppErrorCodeSchema } from '../../../shared/errors.js';
import { IpcGenerationRequestSchema } from '../../../shared/ipc/contract.js';
import { issueMessage } from '../../../shared/issue-message.js';
import { errorText, type ShownError } from '../../../renderer/src/error-text.js';
import { DEFAULT_DRAFT } from '../../../renderer/src/features/compose/request.js';
import { validate } from '../../../renderer/src/features/compose/request-check.js';
import { loadLanguage, translate, type Translate } from '../../../renderer/src/i18n/index.js';
import { catalog as korean } from '../../../renderer/src/i18n/ko/errors.js';

// Korean's messages load when first wanted; these cases read them directly.
beforeAll(() => loadLanguage('ko'));

/**
 * The page words main's errors in its own language: Korean from the key and
 * params, the provider's own words untouched, a generic text for a code when
 * the key is unknown, and main's English only when nothing else is known.
 * (Which key main gives each failure: tests/unit/apimart/error-keys.test.ts,
 * tests/unit/jobs/task-failure.test.ts, tests/unit/services/reply.test.ts.)
 */

const ko: Translate = (key, vars) => translate('ko', key, vars);
const en: Translate = (key, vars) => translate('en', key, vars);
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const keys = Object.keys(ERROR_MESSAGES) as ErrorKey[];
/** A request refused by the contract's schema, as main's invalidInputReply words it. */
const refused = (input: unknown) => {
  const parsed = IpcGenerationRequestSchema.safeParse(input);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  if (!issue) throw new Error('expected a refusal');
  return { code: 'invalid_request', ...issueMessage(issue) };
};

describe('the Korean catalog', () => {
  it('keeps every placeholder of the English template, and adds none', () => {
    const differ = keys.filter((k) => placeholders(ERROR_MESSAGES[k]).join() !== placeholders(korean[k]).join());
    expect(differ).toEqual([]);
  });

  it('is Korean: every text has Hangul', () => {
    expect(keys.filter((k) => !/[\uac00-\ud7a3]/.test(korean[k]))).toEqual([]);
  });
});

describe('errorText in Korean, for errors as main builds them', () => {
  it('a full disk', () => {
    expect(errorText(ko, appError('disk_full', errorMessage('disk_full.waiting.output')))).toBe(
      '디스크가 가득 찼습니다(출력 폴더가 있는 디스크). 공간을 확보하세요. 공간이 생기면 Keyframe이 알아서 계속합니다.',
    );
  });

  it('a refused key (401) and a low balance (402)', () => {
    expect(errorText(ko, appError('auth', errorMessage('apimart.auth'), { httpStatus: 401 }))).toBe(
      'APIMart가 API 키를 받아들이지 않았습니다. 설정에서 키를 확인하세요.',
    );
    expect(errorText(ko, appError('payment_required', errorMessage('apimart.payment'), { httpStatus: 402 }))).toBe(
      'APIMart 잔액이 이 작업에 부족합니다. 잔액을 충전한 뒤 다시 시도하세요.',
    );
  });

  it('a rate limit (429)', () => {
    expect(errorText(ko, appError('rate_limited', errorMessage('apimart.rate_limited'), { retryAfterMs: 3000 }))).toBe(
      'APIMart가 요청 수를 제한하고 있습니다. Keyframe이 곧 다시 시도합니다.',
    );
  });

  it('a content-policy refusal', () => {
    const policy = appError('content_policy', errorMessage('task.content_policy'), { detail: 'blocked by the safety policy' });
    expect(errorText(ko, policy)).toMatch(/^APIMart가 콘텐츠 정책에 따라 이 요청을 거부했습니다\./);
  });

  it('a bad request field from main', () => {
    const audio = refused({ prompt: 'a boat', generate_audio: 'yes' });
    expect(audio).toMatchObject({ key: 'request.generate_audio', field: 'generate_audio' });
    expect(errorText(ko, audio)).toBe('오디오는 켜기 또는 끄기(true/false)여야 합니다.');
    expect(errorText(ko, refused({ prompt: 'a boat', seed: -1 }))).toBe('시드는 0에서 4294967295 사이여야 합니다.');
    expect(errorText(ko, refused({ prompt: 'a boat', first_frame_image: { kind: 'url', url: 'https://localhost/a.png' } }))).toBe(
      '프레임 URL은 공개 호스트를 가리켜야 합니다. localhost은(는) 공개 호스트가 아닙니다(로컬 전용 이름).',
    );
  });

  it('translates a field a generic message names, and why a host is not public', () => {
    expect(errorText(ko, { code: 'invalid_request', key: 'schema.invalid', params: { field: 'prompt' }, message: 'The value of prompt is not valid.' })).toBe(
      '프롬프트 값이 올바르지 않습니다.',
    );
    // Main names a field by its path in the input it got: the request's prompt is the prompt.
    expect(errorText(ko, { code: 'invalid_request', key: 'schema.invalid', params: { field: 'request.prompt' }, message: '…' })).toBe('프롬프트 값이 올바르지 않습니다.');
    expect(errorText(ko, { code: 'invalid_request', key: 'schema.invalid', params: { field: 'request.frames.x' }, message: '…' })).toBe(
      'request.frames.x 값이 올바르지 않습니다.',
    );
    expect(
      errorText(ko, { code: 'invalid_request', key: 'frame_url.not_public', params: { host: '10.0.0.7', why: 'private' }, message: '…' }),
    ).toBe('프레임 URL은 공개 호스트를 가리켜야 합니다. 10.0.0.7은(는) 공개 호스트가 아닙니다(사설 주소).');
  });

  it('shows the provider’s words as they came, inside the Korean sentence', () => {
    const rejected = appError('invalid_request', errorMessage('apimart.rejected.said', { provider: 'duration must be one of 4, 6, 8' }));
    expect(errorText(ko, rejected)).toBe('APIMart가 요청을 거부했습니다. APIMart의 답: “duration must be one of 4, 6, 8”');
  });

  it('adds the note after the message', () => {
    const e: ShownError = {
      code: 'network',
      key: 'apimart.network',
      note: { key: 'job.upload_gave_up', params: { attempts: 4 } },
      message: 'Could not reach APIMart (network problem); Keyframe will retry. The frame upload failed 4 times; resume the job to try again.',
    };
    expect(errorText(ko, e)).toBe('APIMart에 연결할 수 없습니다(네트워크 문제). Keyframe이 다시 시도합니다. 프레임 업로드가 4번 실패했습니다. 다시 시도하려면 작업을 계속하세요.');
    expect(errorText(en, e)).toBe(e.message);
  });
});

describe('errorText in English', () => {
  it('says exactly what main’s message says', () => {
    const made = [
      appError('disk_full', errorMessage('disk_full.waiting.data')),
      appError('permission', errorMessage('apimart.permission.said', { provider: 'model not allowed' })),
      appError('io', errorMessage('output.not_writable', { folder: '/Volumes/gone' })),
      appError('invalid_request', errorMessage('name_template.unknown_token', { token: '{nope}', list: '{date}, {time}' })),
    ];
    for (const e of made) {
      expect(errorText(en, e)).toBe(e.message);
    }
  });
});

describe('errorText falls back: key → a text for the code → main’s message', () => {
  it('an unknown key (a newer main) reads as its code', () => {
    expect(errorText(ko, { code: 'disk_full', key: 'disk_full.someday', message: 'The disk is full.' })).toBe('디스크가 가득 찼습니다. 공간을 확보하세요.');
  });

  it('an error from an older journal, without a key, reads as its code', () => {
    expect(errorText(ko, { code: 'payment_required', message: 'Your APIMart balance is too low for this job.' })).toBe(
      'APIMart 잔액이 이 작업에 부족합니다. 잔액을 충전한 뒤 다시 시도하세요.',
    );
  });

  it('an unknown code and key: main’s own words', () => {
    expect(errorText(ko, { code: 'brand_new_code', message: 'Something new happened.' })).toBe('Something new happened.');
  });

  it('has a text for every code, in both languages', () => {
    for (const code of AppErrorCodeSchema.options) {
      expect(errorText(ko, { code, message: 'x' })).not.toBe('x');
      expect(errorText(en, { code, message: 'x' })).not.toBe('x');
    }
  });
});

describe('the compose form, in Korean', () => {
  it('words a refused field exactly as the page words the same refusal from main', () => {
    const draft = { ...DEFAULT_DRAFT, prompt: 'a boat', seedMode: 'fixed' as const, seed: -5 };
    const result = validate(draft);
    const issue = result.errors?.seed;
    if (!issue) throw new Error('expected a seed error');
    expect(errorText(ko, issue)).toBe('시드는 0에서 4294967295 사이여야 합니다.');
    expect(errorText(en, issue)).toBe('Seed must be between 0 and 4294967295.');
  });

  it('a last frame without a first frame', () => {
    const result = validate({ ...DEFAULT_DRAFT, prompt: 'a boat', last: { ref: { kind: 'url', url: 'https://example.com/a.png' } } });
    const issue = result.errors?.last_frame_image;
    if (!issue) throw new Error('expected a last-frame error');
    expect(errorText(ko, issue)).toBe('마지막 프레임에는 첫 프레임도 필요합니다. 첫 프레임을 추가하거나 마지막 프레임을 제거하세요.');
  });
});
