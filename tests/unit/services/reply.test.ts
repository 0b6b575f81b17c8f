import { describe, expect, it } from 'vitest';
import { IpcGenerationRequestSchema, SettingsPatchSchema } from '../../../shared/ipc/contract.js';
import { appError, appFailure, errorMessage, withNote } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { appFailureReply, invalidInputReply } from '../../../electron/services/reply.js';
import { applySettingsPatch } from '../../../electron/services/settings-patch.js';

/** What crosses to the page for a refusal: the code, the catalog key and params, the English beside them. */

const zodError = (schema: typeof IpcGenerationRequestSchema | typeof SettingsPatchSchema, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error;
};

describe('appFailureReply', () => {
  it('carries the key and the params of the failure', () => {
    const failure = appFailure('download_failed', errorMessage('download.refused', { status: 451 }), { retryable: false, httpStatus: 451 });
    expect(appFailureReply(failure)).toEqual({
      code: 'download_failed',
      key: 'download.refused',
      params: { status: 451 },
      message: 'The video host refused the download (HTTP 451).',
      retryable: false,
    });
  });

  it('carries a note as its own key', () => {
    const noted = withNote(appError('timeout', errorMessage('apimart.no_answer'), { retryable: true }), errorMessage('job.upload_gave_up', { attempts: 4 }));
    expect(appFailureReply(new AppFailure(noted))).toMatchObject({
      key: 'apimart.no_answer',
      note: { key: 'job.upload_gave_up', params: { attempts: 4 } },
    });
  });

  it('an error from an older record, without a key, crosses without one', () => {
    const reply = appFailureReply(new AppFailure({ code: 'auth', message: 'APIMart did not accept the key.' }));
    expect(reply).toEqual({ code: 'auth', message: 'APIMart did not accept the key.' });
  });

  it('a full disk that reached a handler as a raw error says disk_full with its key', () => {
    const reply = appFailureReply(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    expect(reply).toMatchObject({ code: 'disk_full', key: 'disk_full.retry', message: 'The disk is full: free some space, then try again.' });
  });
});

describe('invalidInputReply', () => {
  it('a field refused by the request schema: its key, its params and the field', () => {
    const reply = invalidInputReply(zodError(IpcGenerationRequestSchema, { prompt: 'a boat', seed: -4 }));
    expect(reply).toMatchObject({
      code: 'invalid_request',
      key: 'request.seed.range',
      params: { max: 4_294_967_295 },
      message: 'Seed must be between 0 and 4294967295.',
      field: 'seed',
      retryable: false,
    });
  });

  it('an issue no schema worded: the generic message, its field as a param', () => {
    const reply = invalidInputReply(zodError(IpcGenerationRequestSchema, { prompt: 'a boat', first_frame_image: { kind: 'frame', frameId: 7 } }));
    expect(reply).toMatchObject({ key: 'schema.invalid', params: { field: 'first_frame_image.frameId' }, field: 'first_frame_image.frameId' });
  });

  it('an unknown key names itself', () => {
    const reply = invalidInputReply(zodError(SettingsPatchSchema, { volume: 11 }));
    expect(reply).toMatchObject({ key: 'schema.unknown_key', params: { name: 'volume' }, field: 'volume' });
  });
});

describe('a settings patch the merged settings refuse', () => {
  it('names the field, with the setting’s own message', () => {
    const current = { outputDir: '/v', nameTemplate: '{date}', concurrency: 3, language: 'en', theme: 'system', demoMode: false } as const;
    let thrown: unknown;
    try {
      applySettingsPatch(current, { concurrency: 99 });
    } catch (err) {
      thrown = err;
    }
    expect(appFailureReply(thrown)).toMatchObject({
      code: 'invalid_request',
      key: 'settings.concurrency_invalid',
      field: 'concurrency',
      message: 'Jobs at once must be a whole number from 1 to 16.',
    });
  });
});
