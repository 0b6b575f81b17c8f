import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypedEmitter } from './emitter.js';
import { errorEnvelope } from './envelope.js';
import { readBody, sendJson } from './http-util.js';
import { bodyFingerprint, isValidIdempotencyKey } from './idempotency.js';
import type { IdempotencyStore, StoredReply } from './idempotency.js';
import { validateSubmitBody } from './submit-schema.js';
import type { TaskRecord, TaskStore } from './task-store.js';
import { renderTask, type TaskViewContext } from './task-view.js';
import type { FakeEvents, FakeStats } from './types.js';

/**
 * POST /v1/videos/generations: validation, Idempotency-Key replay/conflict,
 * task creation and the reply shapes the contract allows: the default array,
 * the versioned object (asked for with X-APIMart-Response-Version), a 202,
 * and a synchronous result. Every reply body carries its `request_id`.
 */

export type SubmitShape = 'array' | 'object' | 'accepted202' | 'result';
export const RESPONSE_VERSION_OBJECT = '2026-07-27';
const MAX_JSON_BYTES = 1024 * 1024;

export interface SubmitDeps {
  stats: FakeStats;
  events: TypedEmitter<FakeEvents>;
  tasks: TaskStore;
  idempotency: IdempotencyStore;
  submitShape: SubmitShape;
  /** Answer `submitShape` even to a request asking for the versioned reply. */
  ignoreResponseVersion: boolean;
  estimatedTimeS: number;
  /** The models this key may use; a known model outside them is model_not_found. */
  models: () => readonly string[];
  view: TaskViewContext;
  apiUrl: () => string;
}

export async function handleSubmit(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  deps: SubmitDeps,
  dropAfterAccept: boolean,
): Promise<void> {
  // With drop-after-accept everything below still happens; only the reply is lost.
  const finish = (status: number, body: unknown, headers?: Record<string, string>): void => {
    if (dropAfterAccept) req.socket.destroy();
    else sendJson(res, status, body, headers);
  };
  const invalid = (message: string, code: string, param?: string): void =>
    finish(400, errorEnvelope(400, requestId, { message, code, ...(param === undefined ? {} : { param }) }));

  const read = await readBody(req, MAX_JSON_BYTES);
  if (!read.ok) return finish(413, errorEnvelope(413, requestId, { message: 'request body too large' }));
  const text = read.body.toString('utf8');
  let body: unknown = text;
  let isJson = true;
  try {
    body = JSON.parse(text);
  } catch {
    isJson = false;
  }
  const rawKey = req.headers['idempotency-key'];
  const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
  deps.stats.submitBodies.push(key === undefined ? { body } : { body, idempotencyKey: key });

  if (!isJson) return invalid('request body is not valid JSON', 'invalid_json');
  if (key !== undefined && !isValidIdempotencyKey(key)) {
    return invalid('Idempotency-Key must be 1-191 visible ASCII characters', 'invalid_idempotency_key');
  }
  // The reply says which contract it follows when the request asked for one it knows.
  const asked = req.headers['x-apimart-response-version'] === RESPONSE_VERSION_OBJECT && !deps.ignoreResponseVersion;
  const version: Record<string, string> = asked ? { 'X-APIMart-Response-Version': RESPONSE_VERSION_OBJECT } : {};
  const fingerprint = bodyFingerprint(body);
  if (key !== undefined) {
    const seen = deps.idempotency.lookup(key, fingerprint);
    if (seen.kind === 'replay') {
      deps.stats.replays += 1;
      return finish(seen.reply.status, seen.reply.body, { 'Idempotency-Replayed': 'true', ...version });
    }
    if (seen.kind === 'conflict') {
      const message = 'Idempotency-Key has already been used with a different request body';
      return finish(409, errorEnvelope(409, requestId, { type: 'idempotency_key_reused', code: 'idempotency_key_reused', message }));
    }
  }
  const checked = validateSubmitBody(body);
  if (!checked.ok) return invalid(checked.message, 'invalid_parameter', checked.param);
  if (!deps.models().includes(checked.body.model)) {
    const message = `model not found or not enabled for this key: ${checked.body.model}`;
    return finish(404, errorEnvelope(404, requestId, { type: 'invalid_request_error', code: 'model_not_found', message, param: 'model' }));
  }

  const task = deps.tasks.create(checked.body);
  deps.stats.tasksCreated += 1;
  deps.events.emit('task-created', {
    id: task.id,
    model: checked.body.model,
    prompt: checked.body.prompt,
    sampleCount: checked.body.sample_count,
    ...(key === undefined ? {} : { idempotencyKey: key }),
  });
  const shape = asked && deps.submitShape === 'array' ? 'object' : deps.submitShape;
  const reply = submitReply(shape, task, requestId, deps);
  if (key !== undefined) deps.idempotency.remember(key, fingerprint, reply);
  finish(reply.status, reply.body, version);
}

function submitReply(shape: SubmitShape, task: TaskRecord, requestId: string, deps: SubmitDeps): StoredReply {
  const id = task.id;
  const wait = { next_poll_after_seconds: deps.view.nextPollAfterS };
  switch (shape) {
    case 'array':
      return { status: 200, body: { code: 200, data: [{ status: 'submitted', task_id: id }], request_id: requestId } };
    case 'object':
      return {
        status: 200,
        body: {
          code: 200,
          data: { object: 'generation.task', id, status: 'submitted', progress: 0, task_info: { estimated_time: deps.estimatedTimeS }, ...wait },
          request_id: requestId,
        },
      };
    case 'accepted202':
      return {
        status: 202,
        body: { code: 202, data: { object: 'generation.task', id, status: 'pending', poll_url: `${deps.apiUrl()}/v1/tasks/${id}`, ...wait }, request_id: requestId },
      };
    case 'result': {
      // Finished at once: the task's completed view, as a result with no task id to poll.
      const { id: _taskId, ...result } = renderTask(task, { status: 'done', outcome: deps.tasks.complete(task) }, deps.view).data;
      return { status: 200, body: { code: 200, data: { object: 'generation.result', ...result }, request_id: requestId } };
    }
  }
}
