import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoFixtures, fixtureFor } from '../../../electron/core/demo/fixtures.js';
import { tinyPng } from '../../support/queue-helpers.js';
import { manualClock, useFakes } from './helpers.js';

/**
 * The demo provider driven the way APIMart's own media client drives the real
 * API (contract §1–§3, §7): the same requests in the same order, and the same
 * checks on each reply that client makes before it accepts it. If the demo
 * drifts from what that client expects, this fails before a person using it
 * against the demo does. Written for this project; no code of that client.
 */

const start = useFakes();
const MODEL = 'veo3.1-fast-official';
const VERSION = '2026-07-27';
const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHttpUrl = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.trim() !== v || v === '') return false;
  const u = new URL(v);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
};

/** One request as that client makes it: Accept JSON, the bearer key, redirects refused, a JSON object back. */
async function call(base: string, path: string, init: { method?: string; json?: unknown; form?: FormData; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    redirect: 'error',
    headers: {
      Accept: 'application/json',
      Authorization: 'Bearer sk-any-key-the-demo-accepts',
      ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    body: init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
  });
  const text = await res.text();
  const payload: unknown = text.trim() === '' ? null : JSON.parse(text);
  // What that client takes for an API error: an error object, success false, or a 4xx/5xx.
  expect(isObject(payload) && (isObject(payload.error) || payload.success === false), `${path}: ${text}`).toBe(false);
  expect(res.status, `${path}: ${text}`).toBeLessThan(400);
  if (!isObject(payload)) throw new Error(`${path}: not a JSON object`);
  return { status: res.status, headers: res.headers, body: payload };
}

/** `schema --model … --operation video_generation`, and the check before every generation. */
async function videoSchema(base: string, model: string): Promise<Json> {
  const { body } = await call(base, `/v1/model-schema?${new URLSearchParams({ model, operation: 'video_generation' }).toString()}`);
  expect(typeof body.model).toBe('string');
  expect(typeof body.operation).toBe('string');
  expect(isObject(body.input_schema)).toBe(true);
  expect(body.operation).toBe('video_generation');
  return body;
}

/** `generate-video --model … --input-json … --idempotency-key …`, read as that client reads the reply. */
async function generateVideo(base: string, model: string, input: Json, key: string) {
  expect(Object.hasOwn(input, 'model')).toBe(false);
  await videoSchema(base, model);
  const res = await call(base, '/v1/videos/generations', {
    method: 'POST',
    json: { ...input, model },
    headers: { 'Idempotency-Key': key, 'X-APIMart-Response-Version': VERSION },
  });
  const data = res.body.data;
  if (!isObject(data)) throw new Error('generation response data is not an object');
  const kind = (typeof data.object === 'string' ? data.object : 'generation.task') === 'generation.result' ? 'result' : 'task';
  const status = typeof data.status === 'string' ? data.status.toLowerCase() : kind === 'result' ? 'completed' : 'pending';
  if (kind === 'task') expect(typeof data.id === 'string' && data.id.length > 0).toBe(true);
  return {
    kind,
    taskId: kind === 'task' ? String(data.id) : undefined,
    status,
    requestId: typeof res.body.request_id === 'string' ? res.body.request_id : undefined,
    replayed: res.headers.get('idempotency-replayed')?.toLowerCase() === 'true',
  };
}

/** `task --task-id … --language en`, until it is terminal (completed or failed). */
async function taskUntilDone(base: string, taskId: string, advance: () => void) {
  for (let check = 0; check < 120; check++) {
    const { body } = await call(base, `/v1/tasks/${encodeURIComponent(taskId)}?language=en`);
    const task = body.data;
    if (!isObject(task)) throw new Error('task response data is not an object');
    const status = typeof task.status === 'string' ? task.status.toLowerCase() : 'unknown';
    if (status === 'completed' || status === 'failed') return { status, task };
    advance();
  }
  throw new Error('the task did not finish within the client’s 120 checks');
}

describe('the demo provider, driven as APIMart’s own media client drives the API', () => {
  it('models → schema → docs → upload-image → generate-video (text, then image with the uploaded URL) → task until completed', async () => {
    const clock = manualClock();
    const fake = await start({ apiKey: null, clock, progress: { mode: 'time', durationMs: 8000 } });
    const base = fake.apiUrl;
    const tick = () => clock.advance(2000);

    // models
    const models = await call(base, '/v1/models');
    expect(Array.isArray(models.body.data)).toBe(true);
    const ids = (models.body.data as unknown[]).filter(isObject).map((m) => m.id).filter((id): id is string => typeof id === 'string');
    expect(ids.sort((a, b) => a.localeCompare(b))).toEqual(['veo3.1-fast-official', 'veo3.1-quality-official']);

    // schema
    await videoSchema(base, MODEL);

    // docs
    const { body: docs } = await call(base, `/v1/model-docs?${new URLSearchParams({ model: MODEL }).toString()}`);
    expect(docs.object).toBe('model.documentation');
    expect(docs.model).toBe(MODEL);
    for (const field of ['doc_url', 'markdown_url'] as const) expect(typeof docs[field] === 'string' && (docs[field] as string).length > 0).toBe(true);
    expect(typeof docs.markdown === 'string' && docs.markdown.trim() !== '').toBe(true);
    expect(Number.isSafeInteger(docs.fetched_at) && (docs.fetched_at as number) > 0).toBe(true);
    expect(Number.isSafeInteger(docs.cache_ttl_seconds) && (docs.cache_ttl_seconds as number) > 0).toBe(true);
    expect(typeof docs.stale).toBe('boolean');
    expect(docs.warning === undefined || typeof docs.warning === 'string').toBe(true);

    // upload-image
    const form = new FormData();
    form.append('file', new Blob([tinyPng(7)], { type: 'image/png' }), 'first.png');
    const { body: upload } = await call(base, '/v1/uploads/images', { method: 'POST', form });
    expect(isHttpUrl(upload.url)).toBe(true);
    expect(typeof upload.filename === 'string' && upload.filename.length > 0).toBe(true);
    expect(UPLOAD_TYPES).toContain(upload.content_type);
    expect(Number.isSafeInteger(upload.bytes) && (upload.bytes as number) > 0).toBe(true);
    expect(Number.isSafeInteger(upload.created_at) && (upload.created_at as number) > 0).toBe(true);

    // generate-video, text to video
    const text = await generateVideo(base, MODEL, { prompt: 'a paper boat on a rainy street', duration: 6, aspect_ratio: '9:16' }, 'official-flow-text');
    expect(text).toMatchObject({ kind: 'task', status: 'submitted', replayed: false, requestId: expect.stringMatching(/^req_/) });
    // The same key again is the same task, said to be a replay.
    const replay = await generateVideo(base, MODEL, { prompt: 'a paper boat on a rainy street', duration: 6, aspect_ratio: '9:16' }, 'official-flow-text');
    expect(replay).toMatchObject({ kind: 'task', taskId: text.taskId, replayed: true });

    // generate-video, image to video with the uploaded (http://127.0.0.1) URL
    const image = await generateVideo(base, MODEL, { prompt: 'the boat sails on', first_frame_image: upload.url, duration: 4 }, 'official-flow-image');
    expect(image.kind).toBe('task');
    expect(fake.stats.tasksCreated).toBe(2);

    // task, until completed
    for (const [job, aspect, seconds] of [
      [text, '9:16', 6],
      [image, '16:9', 4],
    ] as const) {
      const { status, task } = await taskUntilDone(base, job.taskId ?? '', tick);
      expect(status).toBe('completed');
      const videos = (task.result as { videos: { url: string[]; expires_at: number }[] }).videos;
      expect(videos).toHaveLength(1);
      // Links valid 72 h, as that client tells its users.
      expect(videos[0]?.expires_at).toBe((task.completed as number) + 72 * 3600);
      const bytes = Buffer.from(await (await fetch(videos[0]?.url[0] ?? '')).arrayBuffer());
      expect(bytes.equals(readFileSync(fixtureFor(demoFixtures(), aspect, seconds).video))).toBe(true);
    }
  });
});
