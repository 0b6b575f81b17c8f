import type { ApiGenerationBody } from '../../../shared/domain/generation.js';
import { expect } from 'vitest';
import { AppFailure, type AppError } from '../../../shared/errors.js';
import type { ApimartClient, SubmittedTask } from '../../../electron/core/apimart/client.js';
import type { FetchLike, LogFields, LogLevel, Logger } from '../../../electron/core/ports.js';

/** A Logger that keeps every line, unredacted, so tests can prove nothing secret reached it. */
export class CapturingLogger implements Logger {
  readonly lines: { level: LogLevel; message: string; fields?: LogFields }[] = [];
  log(level: LogLevel, message: string, fields?: LogFields): void {
    this.lines.push({ level, message, ...(fields ? { fields } : {}) });
  }
  text(): string {
    return JSON.stringify(this.lines);
  }
}

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: RequestInit['body'];
  signal?: AbortSignal;
}

/** A fetch that records each call and answers from `handler`. */
export function stubFetch(handler: (req: SeenRequest) => Response | Promise<Response>): { fetch: FetchLike; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const req: SeenRequest = { url: input, method: init?.method ?? 'GET', headers, body: init?.body, ...(init?.signal ? { signal: init.signal } : {}) };
    seen.push(req);
    return handler(req);
  };
  return { fetch, seen };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Runs `p`, expects it to reject with an AppFailure, and returns its AppError. */
export async function failureOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppFailure);
    return (err as AppFailure).app;
  }
  throw new Error('expected the call to fail');
}

/** Lets pending promise callbacks and I/O callbacks run (not a timed sleep). */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A valid text-to-video body, as the client would send it. */
export const SAMPLE_BODY: ApiGenerationBody = {
  model: 'veo3.1-fast-official',
  prompt: 'a paper boat drifting down a rainy street',
  duration: 8,
  aspect_ratio: '16:9',
  resolution: '720p',
  sample_count: 1,
  generate_audio: false,
  person_generation: 'allow_adult',
};

/** Submits and expects a task to poll (not a synchronous result), which it returns. */
export async function submitTask(client: ApimartClient, body: ApiGenerationBody | Readonly<Record<string, unknown>>, key: string): Promise<SubmittedTask> {
  const res = await client.submit(body, key);
  if (res.kind !== 'task') throw new Error(`expected a task to poll, got a ${res.kind}`);
  return res;
}
