import { afterEach } from 'vitest';
import { startFakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import type { FakeApimart, FakeApimartOptions } from '../../../electron/core/demo/fake-apimart.js';

/** Shared plumbing for the fake APIMart tests: plain fetch, no client code. */

export const KEY = 'sk-test-key';
export const AUTH = { authorization: `Bearer ${KEY}` };

export const BASE_BODY = { model: 'veo3.1-fast-official', prompt: 'a paper boat on a rainy street' } as const;

/** Starts fakes for one test file and closes every one after each test. */
export function useFakes(): (opts?: FakeApimartOptions) => Promise<FakeApimart> {
  const open: FakeApimart[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((f) => f.close()));
  });
  return async (opts) => {
    const fake = await startFakeApimart(opts);
    open.push(fake);
    return fake;
  };
}

/** A fake clock the tests move by hand. */
export function manualClock(start = Date.UTC(2026, 0, 1)): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export async function submit(
  fake: FakeApimart,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${fake.apiUrl}/v1/videos/generations`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

/** Submits and returns the task id from either reply shape. */
export async function createTask(fake: FakeApimart, body: unknown = BASE_BODY, headers?: Record<string, string>): Promise<string> {
  const res = await submit(fake, body, headers);
  if (!res.ok) throw new Error(`submit failed: ${res.status} ${await res.text()}`);
  const data = (await json(res)).data as { task_id?: string; id?: string } | { task_id: string }[];
  const id = Array.isArray(data) ? data[0]?.task_id : (data.id ?? data.task_id);
  if (!id) throw new Error('no task id in reply');
  return id;
}

export interface TaskData {
  id: string;
  status: string;
  progress: number;
  result?: { thumbnail_url: string; videos: { url: string[] | string; expires_at: number }[] };
  error?: { message: string; code: string | number };
  created: number;
  completed?: number;
  estimated_time: number;
  actual_time?: number;
  cost?: number;
  credits_cost?: number;
}

export async function getTask(fake: FakeApimart, id: string): Promise<TaskData> {
  const res = await fetch(`${fake.apiUrl}/v1/tasks/${id}`, { headers: AUTH });
  if (res.status !== 200) throw new Error(`task GET failed: ${res.status} ${await res.text()}`);
  return (await json(res)).data as TaskData;
}

/** Polls (polls mode) until the task leaves the running states; bounded, no timers. */
export async function pollToEnd(fake: FakeApimart, id: string, max = 50): Promise<TaskData[]> {
  const seen: TaskData[] = [];
  for (let i = 0; i < max; i++) {
    const data = await getTask(fake, id);
    seen.push(data);
    if (data.status === 'completed' || data.status === 'failed') return seen;
  }
  throw new Error(`task ${id} did not finish in ${max} polls`);
}

export function firstVideoUrl(data: TaskData): string {
  const url = data.result?.videos[0]?.url;
  const first = Array.isArray(url) ? url[0] : url;
  if (!first) throw new Error('no video url');
  return first;
}
