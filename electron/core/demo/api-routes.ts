import { randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { TypedEmitter } from './emitter.js';
import { bearerToken, echoHeaders, sendEcho } from './echo.js';
import { errorEnvelope } from './envelope.js';
import type { FaultPlan } from './fault-plan.js';
import { readBody, requestRecord, sendBody, sendJson } from './http-util.js';
import { sendHugeReply } from './huge-reply.js';
import { isFakeModel, modelDocs, modelSchema } from './model-info.js';
import type { Balance } from './pricing.js';
import { handleSubmit } from './submit.js';
import type { SubmitDeps } from './submit.js';
import type { Phase } from './task-store.js';
import { renderTask } from './task-view.js';
import { handleUpload } from './uploads.js';
import type { UploadDir } from './uploads.js';
import type { FakeClock, FakeEvents, Fault, FakeStats, Route } from './types.js';

/**
 * The /v1 API server: request ids, auth, scripted faults, then the routes.
 * Faults are applied before auth on purpose: they stand for a gateway or
 * network misbehaving in front of the real service.
 */

export interface ApiDeps extends SubmitDeps {
  apiKey: string | null;
  clock: FakeClock;
  faults: FaultPlan;
  balance: Balance;
  uploadDir: UploadDir;
  stats: FakeStats;
  events: TypedEmitter<FakeEvents>;
}

type Matched = { route: Exclude<Route, 'file'>; taskId?: string };

function matchRoute(method: string, pathname: string): Matched | undefined {
  if (method === 'POST' && pathname === '/v1/videos/generations') return { route: 'submit' };
  if (method === 'POST' && pathname === '/v1/uploads/images') return { route: 'upload' };
  if (method === 'GET' && (pathname === '/v1/balance' || pathname === '/v1/user/balance')) return { route: 'balance' };
  if (method === 'GET' && pathname === '/v1/models') return { route: 'models' };
  if (method === 'GET' && pathname === '/v1/model-schema') return { route: 'model-schema' };
  if (method === 'GET' && pathname === '/v1/model-docs') return { route: 'model-docs' };
  const task = /^\/v1\/tasks\/([^/]+)$/.exec(pathname);
  if (method === 'GET' && task?.[1]) return { route: 'task', taskId: decodeURIComponent(task[1]) };
  return undefined;
}

let requestSeq = 0;
function newRequestId(): string {
  requestSeq += 1;
  return `req_${randomBytes(8).toString('hex')}${requestSeq.toString(36)}`;
}

function authorized(header: string | undefined, apiKey: string | null): boolean {
  const token = bearerToken(header);
  if (!token) return false;
  return apiKey === null || token === apiKey;
}

export function createApiHandler(deps: ApiDeps): RequestListener {
  return (req, res) => {
    const requestId = newRequestId();
    handleApi(req, res, requestId, deps).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      const message = err instanceof Error ? err.message : String(err);
      sendJson(res, 500, errorEnvelope(500, requestId, { message: `fake server error: ${message}` }));
    });
  };
}

async function handleApi(req: IncomingMessage, res: ServerResponse, requestId: string, deps: ApiDeps): Promise<void> {
  res.setHeader('X-Oneapi-Request-Id', requestId);
  const record = requestRecord(req);
  deps.stats.apiRequests.push(record);
  deps.events.emit('request', { server: 'api', method: record.method, path: record.path });
  const url = new URL(record.path, 'http://api.local');
  const matched = matchRoute(record.method, url.pathname);
  if (matched?.route === 'submit') deps.stats.submits += 1;

  const fault = matched ? deps.faults.takeForRequest(matched.route) : undefined;
  if (fault?.kind === 'drop') return void req.socket.destroy();
  // Early answers drain the request body first so the client reads the status, not a reset.
  if (fault?.kind === 'status') {
    await readBody(req, 0);
    const body = fault.body === undefined ? errorEnvelope(fault.status, requestId) : fault.body;
    return sendBody(res, fault.status, body, fault.headers);
  }
  if (fault?.kind === 'echo-auth') {
    await readBody(req, 0);
    return sendEcho(res, fault, req.headers.authorization ?? '');
  }
  if (matched && fault?.kind === 'huge-reply') {
    await readBody(req, 0);
    return sendHugeReply(res, matched.route, fault, deps.events);
  }
  if (fault?.kind === 'echo-auth-headers') echoHeaders(res, requestId, req.headers.authorization ?? '');
  if (!authorized(req.headers.authorization, deps.apiKey)) {
    await readBody(req, 0);
    return sendJson(res, 401, errorEnvelope(401, requestId));
  }
  if (!matched) {
    await readBody(req, 0);
    const message = `Invalid URL (${record.method} ${url.pathname})`;
    return sendJson(res, 404, errorEnvelope(404, requestId, { message, type: 'invalid_request_error' }));
  }
  switch (matched.route) {
    case 'submit':
      return handleSubmit(req, res, requestId, deps, fault?.kind === 'drop-after-accept');
    case 'task':
      return handleTask(res, requestId, matched.taskId ?? '', deps, fault, url.searchParams.get('language') ?? undefined);
    case 'model-schema':
    case 'model-docs':
      return handleModelInfo(res, requestId, matched.route, url.searchParams, deps);
    case 'upload': {
      const result = await handleUpload(req, { fileHost: deps.view.fileHost, clock: deps.clock, dir: deps.uploadDir });
      if (!result.ok) return sendJson(res, result.status, errorEnvelope(result.status, requestId, { message: result.message }));
      deps.stats.uploads.push(result.record);
      return sendJson(res, 200, result.reply);
    }
    case 'balance':
      return sendJson(res, 200, deps.balance.snapshot());
    case 'models':
      return sendJson(res, 200, { object: 'list', data: deps.models().map((id) => ({ id, object: 'model' })), request_id: requestId });
  }
}

/** Bare objects, as documented; a model this key may not use is `model_not_found`, like one that does not exist. */
function handleModelInfo(res: ServerResponse, requestId: string, route: 'model-schema' | 'model-docs', query: URLSearchParams, deps: ApiDeps): void {
  const model = query.get('model') ?? '';
  if (!model) {
    return sendJson(res, 400, errorEnvelope(400, requestId, { code: 'missing_parameter', message: 'model is required', param: 'model' }));
  }
  if (!isFakeModel(model) || !deps.models().includes(model)) {
    const message = `model not found: ${model}`;
    return sendJson(res, 404, errorEnvelope(404, requestId, { type: 'invalid_request_error', code: 'model_not_found', message, param: 'model' }));
  }
  sendJson(res, 200, route === 'model-schema' ? modelSchema(model) : modelDocs(model, deps.clock.now(), deps.apiUrl()));
}

/** The demo's own failure texts in the languages a task query may ask for (English otherwise). */
const TASK_NOT_FOUND: Readonly<Record<string, (id: string) => string>> = {
  en: (id) => `task not found: ${id}`,
  ko: (id) => `작업을 찾을 수 없습니다: ${id}`,
};

function handleTask(res: ServerResponse, requestId: string, id: string, deps: ApiDeps, fault: Fault | undefined, language: string | undefined): void {
  deps.stats.taskPolls += 1;
  const task = deps.tasks.find(id);
  if (!task) {
    const notFound = (language !== undefined && Object.hasOwn(TASK_NOT_FOUND, language) ? TASK_NOT_FOUND[language] : undefined) ?? TASK_NOT_FOUND.en;
    return sendJson(res, 404, errorEnvelope(404, requestId, { code: 'task_not_found', message: notFound ? notFound(id) : id }));
  }
  if (fault?.kind === 'unknown-status') {
    // Report the odd status without advancing or settling the task.
    const peeked = deps.tasks.peek(task);
    const phase: Phase = peeked.status === 'due' ? { status: 'processing', progress: 99 } : peeked;
    return sendJson(res, 200, { ...renderTask(task, phase, deps.view, fault.status, language), request_id: requestId });
  }
  sendJson(res, 200, { ...renderTask(task, deps.tasks.poll(task), deps.view, undefined, language), request_id: requestId });
}
