import { AppFailure, type AppError } from '../../../shared/errors.js';
import type { ApiGenerationBody } from '../../../shared/domain/generation.js';
import type { ApiKeyProvider, Clock, FetchLike, Logger } from '../ports.js';
import { silentLogger } from '../ports.js';
import { classifyHttpError, classifyNetworkError } from './errors.js';
import { BalanceReplySchema, ModelsReplySchema, SubmitReplySchema, TaskReplySchema, UploadReplySchema } from './schemas.js';
import { normaliseTask, type TaskSnapshot } from './task-snapshot.js';
import { redactText } from '../util/redact.js';

/** Timeouts as APIMart's own client uses them (contract §5). */
export const DEFAULT_TIMEOUTS = { readMs: 15_000, submitMs: 45_000, uploadMs: 120_000 } as const;
/**
 * Fix: the option was typed `Partial<typeof DEFAULT_TIMEOUTS>`, and the `as const` above made that
 * accept only the default values themselves (`readMs: 15000`), so no caller could set another.
 */
export type ApimartTimeouts = Record<keyof typeof DEFAULT_TIMEOUTS, number>;
export const UPLOAD_TTL_MS = 72 * 3600 * 1000;

export interface ApimartClientOptions {
  fetch: FetchLike;
  baseUrl: string;
  apiKey: ApiKeyProvider;
  clock: Clock;
  logger?: Logger;
  timeouts?: Partial<ApimartTimeouts>;
  /** Language for provider error messages (`en`, `ko`, …). */
  language?: string;
}

export interface SubmitResult {
  taskId: string;
  requestId?: string;
  replayed: boolean;
  status?: string;
  estimatedTimeS?: number;
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

interface Reply {
  status: number;
  json: unknown;
  headers: Headers;
  requestId?: string;
}

/**
 * The APIMart HTTP client. One method per endpoint; each call is exactly one
 * HTTP request (retries belong to the job scheduler, which owns backoff and
 * the idempotency key). The key is attached only to requests for the API
 * base's own origin and never appears in logs.
 */
export class ApimartClient {
  private readonly base: URL;
  private readonly timeouts: ApimartTimeouts;
  private readonly log: Logger;

  constructor(private readonly opts: ApimartClientOptions) {
    this.base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    if (this.base.protocol !== 'https:' && this.base.protocol !== 'http:') throw new Error('APIMart base URL must be http(s)');
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
    this.log = opts.logger ?? silentLogger;
  }

  get baseUrl(): string {
    return this.base.href;
  }

  async submit(body: ApiGenerationBody | Readonly<Record<string, unknown>>, idempotencyKey: string): Promise<SubmitResult> {
    if (!/^[\x21-\x7e]{1,191}$/.test(idempotencyKey)) throw new Error('Idempotency-Key must be 1-191 visible ASCII characters');
    const reply = await this.request('POST', 'v1/videos/generations', {
      timeoutMs: this.timeouts.submitMs,
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
    const parsed = SubmitReplySchema.safeParse(reply.json);
    if (!parsed.success) throw this.badResponse(reply, 'submit');
    const data = parsed.data.data;
    const first = Array.isArray(data) ? data[0] : data;
    const taskId = Array.isArray(data) ? data[0]?.task_id : (data.id ?? data.task_id);
    if (!taskId || !first) throw this.badResponse(reply, 'submit');
    const estimate = Array.isArray(data) ? undefined : (data.task_info?.estimated_time ?? data.estimated_time);
    return {
      taskId,
      requestId: reply.requestId,
      replayed: reply.headers.get('idempotency-replayed') === 'true',
      status: first.status,
      estimatedTimeS: estimate,
    };
  }

  async getTask(taskId: string): Promise<TaskSnapshot> {
    const lang = this.opts.language ? `?language=${encodeURIComponent(this.opts.language)}` : '';
    const reply = await this.request('GET', `v1/tasks/${encodeURIComponent(taskId)}${lang}`, { timeoutMs: this.timeouts.readMs });
    const parsed = TaskReplySchema.safeParse(reply.json);
    if (!parsed.success) throw this.badResponse(reply, 'task status');
    return normaliseTask(taskId, parsed.data.data, reply.requestId);
  }

  async uploadImage(file: { bytes: Uint8Array; filename: string; contentType: string }): Promise<UploadResult> {
    const form = new FormData();
    form.append('file', new Blob([file.bytes], { type: file.contentType }), file.filename);
    const reply = await this.request('POST', 'v1/uploads/images', { timeoutMs: this.timeouts.uploadMs, body: form });
    const parsed = UploadReplySchema.safeParse(reply.json);
    if (!parsed.success) throw this.badResponse(reply, 'image upload');
    const created = parsed.data.created_at !== undefined ? parsed.data.created_at * 1000 : this.opts.clock.now();
    return { url: parsed.data.url, expiresAt: created + UPLOAD_TTL_MS, requestId: reply.requestId };
  }

  async balance(): Promise<Balance> {
    const reply = await this.request('GET', 'v1/balance', { timeoutMs: this.timeouts.readMs });
    const parsed = BalanceReplySchema.safeParse(reply.json);
    if (!parsed.success) throw this.badResponse(reply, 'balance');
    if (parsed.data.success === false) {
      throw new AppFailure({
        code: 'server_error',
        retryable: false,
        requestId: reply.requestId,
        message: `APIMart could not report the balance: ${parsed.data.message ?? 'no reason given'}.`,
      });
    }
    return { remainUsd: parsed.data.remain_balance, usedUsd: parsed.data.used_balance, unlimited: parsed.data.unlimited_quota ?? false };
  }

  async models(): Promise<string[]> {
    const reply = await this.request('GET', 'v1/models', { timeoutMs: this.timeouts.readMs });
    const parsed = ModelsReplySchema.safeParse(reply.json);
    if (!parsed.success) throw this.badResponse(reply, 'models');
    return parsed.data.data.map((m) => m.id);
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    init: { timeoutMs: number; headers?: Record<string, string>; body?: string | FormData },
  ): Promise<Reply> {
    const url = new URL(path, this.base);
    // Defence in depth: the key may only ever travel to the configured API origin.
    if (url.origin !== this.base.origin) throw new Error('refusing to send the API key to another origin');
    const key = await this.opts.apiKey();
    if (!key) {
      throw new AppFailure({ code: 'missing_key', retryable: false, message: 'No APIMart API key is set. Add one in Settings (or set APIMART_API_KEY).' });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = this.opts.clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, init.timeoutMs);
    const started = this.opts.clock.now();
    try {
      const res = await this.opts.fetch(url.href, {
        method,
        headers: { accept: 'application/json', ...init.headers, authorization: `Bearer ${key}` },
        body: init.body,
        signal: controller.signal,
      });
      const bodyText = await res.text();
      const requestId = res.headers.get('x-oneapi-request-id') ?? undefined;
      this.log.log('debug', 'apimart reply', { method, path: url.pathname, status: res.status, requestId, ms: this.opts.clock.now() - started });
      if (res.status < 200 || res.status >= 300) {
        throw new AppFailure(scrubKey(classifyHttpError({ status: res.status, bodyText, headers: res.headers }, this.opts.clock.now()), key));
      }
      let json: unknown;
      try {
        json = JSON.parse(bodyText);
      } catch {
        json = undefined;
      }
      return { status: res.status, json, headers: res.headers, requestId };
    } catch (err) {
      if (err instanceof AppFailure) throw err;
      const app = scrubKey(classifyNetworkError(err, timedOut), key);
      this.log.log('warn', 'apimart request failed', { method, path: url.pathname, code: app.code, detail: app.detail });
      throw new AppFailure(app);
    } finally {
      this.opts.clock.clearTimeout(timer);
    }
  }

  /** A 2xx we cannot read: for a submit the outcome is unknown, so it is retryable (same key). */
  private badResponse(reply: Reply, what: string): AppFailure {
    const app: AppError = {
      code: 'bad_response',
      retryable: true,
      httpStatus: reply.status,
      requestId: reply.requestId,
      message: `APIMart sent a ${what} reply Keyframe could not read; it will ask again.`,
      detail: JSON.stringify(reply.json)?.slice(0, 500),
    };
    return new AppFailure(app);
  }
}

/**
 * Fix: the provider's words (an error message echoing the token) and network error texts went
 * verbatim into AppError.message/detail, which are logged, journaled and shown, so the key could
 * leak past a logger that does not know it. Every error leaving request() is scrubbed here.
 */
function scrubKey(app: AppError, key: string): AppError {
  const clean = (s: string | undefined) => (s === undefined ? undefined : redactText(s, [key]));
  const out: AppError = { ...app, message: redactText(app.message, [key]) };
  if (app.detail !== undefined) out.detail = clean(app.detail);
  if (app.requestId !== undefined) out.requestId = clean(app.requestId);
  return out;
}
