import { appError, appFailure, errorMessage } from '../../../shared/error-messages.js';
import { createHash } from 'node:crypto';
import { AppFailure } from '../../../shared/errors.js';
import type { ApiGenerationBody } from '../../../shared/domain/generation.js';
import type { ApiKeyProvider, Clock, FetchLike, Logger } from '../ports.js';
import { silentLogger } from '../ports.js';
import { classifyHttpError, classifyNetworkError } from './errors.js';
import { keyScrubber, type KeyScrubber } from './key-scrubber.js';
import { MAX_REPLY_BYTES, readReplyText, ReplyTooLarge } from './reply-body.js';
import { BalanceReplySchema, ModelSchemaReplySchema, ModelsReplySchema, SubmitReplySchema, TaskReplySchema, UploadReplySchema } from './schemas.js';
import { readSubmitReply, type SubmitOutcome } from './submit-reply.js';
import { normaliseTask, type TaskSnapshot } from './task-snapshot.js';

export { MAX_REPLY_BYTES } from './reply-body.js';
export type { SubmitOutcome, SubmittedResult, SubmittedTask } from './submit-reply.js';

/**
 * The reply contract Keyframe asks for on submit. APIMart's own client always sends it; with it the
 * reply is the object shape (`data.id`, `task_info`), and a synchronous result says so in `data.object`.
 */
export const RESPONSE_VERSION = '2026-07-27';

/** Timeouts as APIMart's own client uses them (contract §5). */
export const DEFAULT_TIMEOUTS = { readMs: 15_000, submitMs: 45_000, uploadMs: 120_000 } as const;
/** Plain numbers: `Partial<typeof DEFAULT_TIMEOUTS>` would accept only the default values (`as const`). */
export type ApimartTimeouts = Record<keyof typeof DEFAULT_TIMEOUTS, number>;
export const UPLOAD_TTL_MS = 72 * 3600 * 1000;

export interface ApimartClientOptions {
  fetch: FetchLike;
  baseUrl: string;
  apiKey: ApiKeyProvider;
  clock: Clock;
  logger?: Logger;
  timeouts?: Partial<ApimartTimeouts>;
  /**
   * The language APIMart words a failed task's message in (`en`, `ko`, …), asked
   * at every task query, so a language chosen in the settings applies from the next query.
   */
  language?: () => string | undefined;
  /** Largest reply body read, in bytes (default MAX_REPLY_BYTES, 32 MiB). */
  maxReplyBytes?: number;
  /**
   * False for a stand-in key that is no secret (the demo provider's `demo`):
   * scrubbing such a common word from replies could only corrupt them.
   */
  keyIsSecret?: boolean;
}

/** What GET /v1/model-schema says about a model (contract §7). */
export interface ModelSchemaInfo {
  model: string;
  operation: string;
  /** A JSON Schema of the request input; only its being an object is checked here (the API validates). */
  inputSchema: unknown;
}
export interface UploadResult {
  url: string;
  expiresAt: number;
  requestId?: string;
}
export interface Balance {
  remainUsd?: number;
  usedUsd?: number;
  unlimited: boolean;
}

/** A 2xx reply, its body already read (within the cap) and cleared of the key. */
interface Reply {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
  requestId?: string;
}

interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  timeoutMs: number;
  headers?: Record<string, string>;
  body?: string | FormData;
}

/**
 * The APIMart HTTP client. One method per endpoint; each call is exactly one
 * HTTP request (retries belong to the job scheduler, which owns backoff and
 * the idempotency key). The key is attached only to requests for the API
 * base's own origin.
 *
 * Every endpoint goes through exchange(), and exchange() is the only place a
 * result, a failure or a log line leaves the client: each passes the request's
 * KeyScrubber, so nothing the gateway echoes of the key gets out.
 */
export class ApimartClient {
  private readonly base: URL;
  private readonly timeouts: ApimartTimeouts;
  private readonly maxReplyBytes: number;
  private readonly fetchImpl: FetchLike;
  private readonly apiKey: ApiKeyProvider;
  private readonly clock: Clock;
  private readonly language: () => string | undefined;
  /** The logger is reachable only through a scrubber, never raw. */
  private readonly scrubberFor: (key: string) => KeyScrubber;

  constructor(opts: ApimartClientOptions) {
    this.base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    if (this.base.protocol !== 'https:' && this.base.protocol !== 'http:') throw new Error('APIMart base URL must be http(s)');
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
    this.maxReplyBytes = opts.maxReplyBytes ?? MAX_REPLY_BYTES;
    this.fetchImpl = opts.fetch;
    this.apiKey = opts.apiKey;
    this.clock = opts.clock;
    this.language = opts.language ?? (() => undefined);
    const logger = opts.logger ?? silentLogger;
    const keyIsSecret = opts.keyIsSecret ?? true;
    this.scrubberFor = (key) => keyScrubber(keyIsSecret ? key : undefined, logger);
  }

  get baseUrl(): string {
    return this.base.href;
  }

  /** A task to poll, or (rarely) a finished result: either way the submit is done and is never sent again. */
  async submit(body: ApiGenerationBody | Readonly<Record<string, unknown>>, idempotencyKey: string): Promise<SubmitOutcome> {
    if (!/^[\x21-\x7e]{1,191}$/.test(idempotencyKey)) throw new Error('Idempotency-Key must be 1-191 visible ASCII characters');
    const spec: RequestSpec = {
      method: 'POST',
      path: 'v1/videos/generations',
      timeoutMs: this.timeouts.submitMs,
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, 'x-apimart-response-version': RESPONSE_VERSION },
      body: JSON.stringify(body),
    };
    return this.exchange(spec, (reply) => {
      const parsed = SubmitReplySchema.safeParse(reply.json);
      const replayed = reply.headers.get('idempotency-replayed')?.trim().toLowerCase() === 'true';
      const outcome = parsed.success ? readSubmitReply(parsed.data, reply.requestId, replayed) : undefined;
      if (!outcome) throw badResponse(reply, 'submit');
      if (outcome.kind === 'result' && outcome.result.videos.length === 0 && outcome.result.phase !== 'failed' && outcome.result.phase !== 'cancelled') {
        // A finished result without a usable link: asking again would only replay it. The person decides.
        throw appFailure('bad_response', errorMessage('apimart.result_without_media'), {
          retryable: false,
          httpStatus: reply.status,
          requestId: outcome.requestIds[0],
          detail: reply.text.trim().slice(0, 500),
        });
      }
      return outcome;
    });
  }

  async getTask(taskId: string): Promise<TaskSnapshot> {
    const language = this.language();
    const lang = language ? `?language=${encodeURIComponent(language)}` : '';
    const spec: RequestSpec = { method: 'GET', path: `v1/tasks/${encodeURIComponent(taskId)}${lang}`, timeoutMs: this.timeouts.readMs };
    return this.exchange(spec, (reply) => {
      const parsed = TaskReplySchema.safeParse(reply.json);
      if (!parsed.success) throw badResponse(reply, 'task status');
      const snapshot = normaliseTask(taskId, parsed.data.data, reply.requestId ?? parsed.data.request_id);
      const hintS = snapshot.nextPollAfterS ?? parsed.data.next_poll_after_seconds;
      return hintS === undefined ? snapshot : { ...snapshot, nextPollAfterS: hintS };
    });
  }

  async uploadImage(file: { bytes: Uint8Array; filename: string; contentType: string }): Promise<UploadResult> {
    const form = new FormData();
    form.append('file', new Blob([file.bytes], { type: file.contentType }), file.filename);
    return this.exchange({ method: 'POST', path: 'v1/uploads/images', timeoutMs: this.timeouts.uploadMs, body: form }, (reply) => {
      const parsed = UploadReplySchema.safeParse(reply.json);
      if (!parsed.success) throw badResponse(reply, 'image upload');
      const created = parsed.data.created_at !== undefined ? parsed.data.created_at * 1000 : this.clock.now();
      return { url: parsed.data.url, expiresAt: created + UPLOAD_TTL_MS, requestId: reply.requestId };
    });
  }

  async balance(): Promise<Balance> {
    return this.exchange({ method: 'GET', path: 'v1/balance', timeoutMs: this.timeouts.readMs }, (reply) => {
      const parsed = BalanceReplySchema.safeParse(reply.json);
      if (!parsed.success) throw badResponse(reply, 'balance');
      if (parsed.data.success === false) {
        const why = parsed.data.message;
        const text = why ? errorMessage('apimart.balance_failed', { provider: why }) : errorMessage('apimart.balance_failed.no_reason');
        throw appFailure('server_error', text, { retryable: false, requestId: reply.requestId });
      }
      return { remainUsd: parsed.data.remain_balance, usedUsd: parsed.data.used_balance, unlimited: parsed.data.unlimited_quota ?? false };
    });
  }

  async models(): Promise<string[]> {
    return this.exchange({ method: 'GET', path: 'v1/models', timeoutMs: this.timeouts.readMs }, (reply) => {
      const parsed = ModelsReplySchema.safeParse(reply.json);
      if (!parsed.success) throw badResponse(reply, 'models');
      return parsed.data.data.map((m) => m.id);
    });
  }

  /** GET /v1/model-schema for one model and operation; a model the key cannot use answers an error. */
  async modelSchema(model: string, operation: string): Promise<ModelSchemaInfo> {
    const query = new URLSearchParams({ model, operation });
    return this.exchange({ method: 'GET', path: `v1/model-schema?${query.toString()}`, timeoutMs: this.timeouts.readMs }, (reply) => {
      const parsed = ModelSchemaReplySchema.safeParse(reply.json);
      if (!parsed.success) throw badResponse(reply, 'model schema');
      return { model: parsed.data.model, operation: parsed.data.operation, inputSchema: parsed.data.input_schema };
    });
  }

  /**
   * A short, one-way fingerprint of the current key, so what was learnt about one key (which
   * models it may use) is never taken for another. Never the key, nor enough of a hash to test guesses fast.
   */
  async keyFingerprint(): Promise<string> {
    const key = await this.apiKey();
    if (!key) throw appFailure('missing_key', errorMessage('apimart.missing_key'), { retryable: false });
    return createHash('sha256').update(`keyframe-key-fingerprint:${key}`).digest('hex').slice(0, 16);
  }

  /** One request, read into a result by `read`; the result or the failure leaves scrubbed. */
  private async exchange<T>(spec: RequestSpec, read: (reply: Reply) => T): Promise<T> {
    const key = await this.apiKey();
    if (!key) {
      throw appFailure('missing_key', errorMessage('apimart.missing_key'), { retryable: false });
    }
    const scrub = this.scrubberFor(key);
    try {
      return scrub.result(read(await this.send(spec, key, scrub)));
    } catch (err) {
      throw scrub.failure(err);
    }
  }

  private async send(spec: RequestSpec, key: string, scrub: KeyScrubber): Promise<Reply> {
    const url = new URL(spec.path, this.base);
    // Defence in depth: the key may only ever travel to the configured API origin.
    if (url.origin !== this.base.origin) throw new Error('refusing to send the API key to another origin');
    const log = scrub.logger;
    const controller = new AbortController();
    let timedOut = false;
    const timer = this.clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, spec.timeoutMs);
    const started = this.clock.now();
    const where = { method: spec.method, path: url.pathname };
    try {
      const res = await this.fetchImpl(url.href, {
        method: spec.method,
        headers: { accept: 'application/json', ...spec.headers, authorization: `Bearer ${key}` },
        body: spec.body,
        signal: controller.signal,
      });
      const requestId = res.headers.get('x-oneapi-request-id') ?? undefined;
      const text = await this.readBody(res, controller, scrub, where);
      log.log('debug', 'apimart reply', { ...where, status: res.status, requestId, ms: this.clock.now() - started });
      if (res.status < 200 || res.status >= 300) {
        throw new AppFailure(classifyHttpError({ status: res.status, bodyText: text, headers: res.headers }, this.clock.now()));
      }
      return { status: res.status, text, json: parseJson(text), headers: res.headers, requestId };
    } catch (err) {
      if (err instanceof AppFailure) throw err;
      const app = classifyNetworkError(err, timedOut);
      log.log('warn', 'apimart request failed', { ...where, code: app.code, detail: app.detail });
      throw new AppFailure(app);
    } finally {
      this.clock.clearTimeout(timer);
    }
  }

  /** The body within the cap; past it the stream is cancelled and the request aborted, so the connection closes. */
  private async readBody(res: Response, controller: AbortController, scrub: KeyScrubber, where: { method: string; path: string }): Promise<string> {
    try {
      return scrub.incoming(await readReplyText(res, this.maxReplyBytes));
    } catch (err) {
      if (!(err instanceof ReplyTooLarge)) throw err;
      controller.abort();
      const requestId = res.headers.get('x-oneapi-request-id') ?? undefined;
      scrub.logger.log('warn', 'apimart reply too large', { ...where, status: res.status, requestId, limitBytes: err.limitBytes });
      // Like any reply we cannot read: for a submit the outcome is unknown, and asking again is safe (same key).
      throw appFailure('bad_response', errorMessage('apimart.reply_too_large', { size: describeBytes(err.limitBytes) }), {
        retryable: true,
        httpStatus: res.status,
        requestId,
      });
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A 2xx we cannot read: for a submit the outcome is unknown, so it is retryable (same key). */
const UNREADABLE = {
  submit: 'apimart.unreadable.submit',
  'task status': 'apimart.unreadable.task',
  'image upload': 'apimart.unreadable.upload',
  balance: 'apimart.unreadable.balance',
  models: 'apimart.unreadable.models',
  'model schema': 'apimart.unreadable.model_schema',
} as const;

function badResponse(reply: Reply, what: keyof typeof UNREADABLE): AppFailure {
  const excerpt = reply.text.trim().slice(0, 500);
  return new AppFailure(
    appError('bad_response', errorMessage(UNREADABLE[what]), {
      retryable: true,
      httpStatus: reply.status,
      requestId: reply.requestId,
      ...(excerpt ? { detail: excerpt } : {}),
    }),
  );
}

function describeBytes(bytes: number): string {
  const mib = 1024 * 1024;
  return bytes % mib === 0 ? `${bytes / mib} MiB` : `${bytes} bytes`;
}
