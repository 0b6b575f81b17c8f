import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { AUTH, BASE_BODY, createTask, getTask, json, manualClock, pollToEnd, useFakes, type TaskData } from './helpers.js';
import { demoFixtures, fixtureFor } from '../../../electron/core/demo/fixtures.js';
import { decodeTaskId, TASK_ID_PREFIX } from '../../../electron/core/demo/task-id.js';
import { BUNDLED_PRICE_TABLE, estimateCost, priceCells } from '../../../shared/domain/prices.js';
import { CONTENT_POLICY_MESSAGE, CONTENT_POLICY_MESSAGE_KO } from '../../../electron/core/demo/task-store.js';

const start = useFakes();

describe('fake APIMart: task status', () => {
  it('moves submitted → processing → completed in polls mode, shaped like the contract', async () => {
    const clock = manualClock();
    const fake = await start({ clock, progress: { mode: 'polls', pollsToComplete: 4 } });
    const id = await createTask(fake, { ...BASE_BODY, generate_audio: true });
    clock.advance(70_000);
    const seen = await pollToEnd(fake, id);
    expect(seen.map((d) => d.status)).toEqual(['submitted', 'processing', 'processing', 'completed']);
    const progress = seen.map((d) => d.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[3]).toBe(100);
    expect(seen.slice(0, 3).every((d) => d.result === undefined)).toBe(true);

    const done = seen[3];
    expect(done).toMatchObject({ id, status: 'completed', estimated_time: 60, actual_time: 70, cost: 0.64, credits_cost: 6.4 });
    expect(done?.completed).toBe(Math.floor(clock.now() / 1000));
    expect(done?.created).toBe(Math.floor((clock.now() - 70_000) / 1000));
    const video = done?.result?.videos[0];
    expect(Array.isArray(video?.url)).toBe(true);
    // Links live 72 h, as the provider documents.
    expect(video?.expires_at).toBe(Math.floor((clock.now() + 72 * 3600_000) / 1000));
    expect(done?.result?.thumbnail_url.startsWith(fake.fileUrl)).toBe(true);
    expect(fake.stats.taskPolls).toBe(4);

    // Completed is terminal and stable.
    expect(await getTask(fake, id)).toEqual(done);
  });

  it('charges the price table and lowers the balance on completion', async () => {
    const fake = await start({ balanceUsd: 25, progress: { mode: 'polls', pollsToComplete: 1 } });
    const fast = await createTask(fake, BASE_BODY);
    expect((await getTask(fake, fast)).cost).toBe(0.512);
    const quality = await createTask(fake, { ...BASE_BODY, model: 'veo3.1-quality-official', duration: 4, sample_count: 2, generate_audio: true });
    const q = await getTask(fake, quality);
    expect(q.cost).toBe(2.56);
    expect(q.credits_cost).toBe(25.6);
    const balance = await json(await fetch(`${fake.apiUrl}/v1/balance`, { headers: AUTH }));
    expect(balance).toMatchObject({ remain_balance: 21.928, used_balance: 3.072 });
  });

  it('charges every model × resolution × audio at the dated table, so a charge equals its estimate', async () => {
    const fake = await start({ balanceUsd: 1000, progress: { mode: 'polls', pollsToComplete: 1 } });
    const cells = priceCells(BUNDLED_PRICE_TABLE);
    expect(cells).toHaveLength(12);
    for (const { model, resolution, audio } of cells) {
      const request = { model, resolution, duration: 6, sample_count: 3, generate_audio: audio } as const;
      const charged = (await getTask(fake, await createTask(fake, { ...BASE_BODY, ...request }))).cost;
      expect({ model, resolution, audio, charged }).toEqual({ model, resolution, audio, charged: estimateCost(request, BUNDLED_PRICE_TABLE).usd });
    }
    // The resolutions priced apart from 720p, named so a flat rate cannot pass by accident.
    expect((await getTask(fake, await createTask(fake, { ...BASE_BODY, resolution: '1080p' }))).cost).toBe(0.64);
    expect((await getTask(fake, await createTask(fake, { ...BASE_BODY, model: 'veo3.1-quality-official', resolution: '4K', generate_audio: true }))).cost).toBe(3.84);
  });

  it('prices a task id packed without its resolution as 720p, so it still answers', async () => {
    const clock = manualClock();
    const fake = await start({ clock, progress: { mode: 'time', durationMs: 1000 } });
    const spec = { c: clock.now(), t: 1000, s: 8, n: 1, a: '16:9', m: 'quality', au: false, w: false, f: false, k: 0, r: 'abcd1234' };
    const id = TASK_ID_PREFIX + Buffer.from(JSON.stringify(spec), 'utf8').toString('base64url');
    expect(decodeTaskId(id)?.q).toBe('720p');
    clock.advance(2000);
    expect(await getTask(fake, id)).toMatchObject({ status: 'completed', cost: 1.28 });
  });

  it('gives plain-string urls with urlShape string', async () => {
    const fake = await start({ urlShape: 'string', progress: { mode: 'polls', pollsToComplete: 1 } });
    const data = await getTask(fake, await createTask(fake));
    expect(typeof data.result?.videos[0]?.url).toBe('string');
  });

  it('returns one video per sample, 9:16 clips for a 9:16 request', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 1 } });
    const data = await getTask(fake, await createTask(fake, { ...BASE_BODY, sample_count: 3, aspect_ratio: '9:16' }));
    const urls = data.result?.videos.map((v) => (Array.isArray(v.url) ? v.url[0] : v.url)) ?? [];
    expect(urls).toHaveLength(3);
    expect(new Set(urls).size).toBe(3);
    expect(data.cost).toBe(1.536);
    const res = await fetch(urls[0] ?? '');
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('ends the next completing task failed, uncharged, after a fail fault', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 2 } });
    const message = 'The prompt was blocked by the content safety policy (test).';
    fake.fault({ route: 'task', kind: 'fail', message, code: 1301 });
    const id = await createTask(fake);
    const end = (await pollToEnd(fake, id)).at(-1);
    expect(end).toMatchObject({ status: 'failed', progress: 100, error: { message, code: 1301 }, cost: 0, credits_cost: 0 });
    expect(end?.result).toBeUndefined();
    // One-shot: the next task completes.
    const next = (await pollToEnd(fake, await createTask(fake))).at(-1);
    expect(next?.status).toBe('completed');
    const balance = await json(await fetch(`${fake.apiUrl}/v1/balance`, { headers: AUTH }));
    expect(balance.used_balance).toBe(0.512);
  });

  it('fails a prompt carrying [demo:fail] with a content-policy message and code ""', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 1 } });
    const data = await getTask(fake, await createTask(fake, { ...BASE_BODY, prompt: 'a cat [demo:fail]' }));
    expect(data.status).toBe('failed');
    expect(data.error?.code).toBe('');
    expect(data.error?.message).toMatch(/content safety policy/);
  });

  it('takes ten times longer for [demo:slow]', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 2 } });
    const seen = await pollToEnd(fake, await createTask(fake, { ...BASE_BODY, prompt: 'slow boat [demo:slow]' }));
    expect(seen).toHaveLength(20);
  });

  it('reports an unknown status once without advancing the task', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 2 } });
    const id = await createTask(fake);
    expect((await getTask(fake, id)).status).toBe('submitted');
    fake.fault({ route: 'task', kind: 'unknown-status', status: 'warming_up' });
    const odd = await getTask(fake, id);
    expect(odd).toMatchObject({ id, status: 'warming_up', progress: 0 });
    expect(odd.result).toBeUndefined();
    expect((await getTask(fake, id)).status).toBe('completed');
  });

  it('answers 404 with the envelope for an unknown task', async () => {
    const fake = await start();
    for (const id of ['task_01K8SGYNNNVBQTXNR4MM964S7K', 'task_demo_bm90LWpzb24', 'task_demo_%2E%2E']) {
      const res = await fetch(`${fake.apiUrl}/v1/tasks/${id}?language=en`, { headers: AUTH });
      expect(res.status).toBe(404);
      expect(((await json(res)).error as { type: string }).type).toBeTruthy();
    }
  });

  it('lets a fresh instance answer for a task it never saw (time mode, self-describing ids)', async () => {
    const clock = manualClock();
    const t0 = clock.now();
    const first = await start({ clock, apiKey: null, progress: { mode: 'time', durationMs: 8000 } });
    const id = await createTask(first, { ...BASE_BODY, aspect_ratio: '9:16', sample_count: 2, generate_audio: true });
    expect(decodeTaskId(id)).toMatchObject({ c: t0, t: 8000, n: 2, a: '9:16', au: true, m: 'fast' });
    expect((await getTask(first, id)).status).toBe('submitted');
    await first.close();

    const second = await start({ clock, apiKey: null, progress: { mode: 'time', durationMs: 8000 } });
    clock.advance(4000);
    expect(await getTask(second, id)).toMatchObject({ status: 'processing', progress: 50 });
    clock.advance(5000);
    const done = await getTask(second, id);
    expect(done).toMatchObject({
      status: 'completed',
      created: Math.floor(t0 / 1000),
      completed: Math.floor((t0 + 8000) / 1000),
      actual_time: 8,
      cost: 1.28,
    });
    expect(done.result?.videos).toHaveLength(2);
    expect(second.stats.tasksCreated).toBe(0);
  });

  it('ten-folds the run time of [demo:slow] in time mode', async () => {
    const clock = manualClock();
    const fake = await start({ clock, progress: { mode: 'time', durationMs: 1000 } });
    const id = await createTask(fake, { ...BASE_BODY, prompt: '[demo:slow] snail' });
    clock.advance(5000);
    expect(await getTask(fake, id)).toMatchObject({ status: 'processing', progress: 50 });
    clock.advance(5000);
    expect((await getTask(fake, id)).status).toBe('completed');
  });
});

describe('fake APIMart: clips match the request', () => {
  const videoBytes = async (data: TaskData): Promise<Buffer[]> =>
    Promise.all(
      (data.result?.videos ?? []).map(async (v) => {
        const url = Array.isArray(v.url) ? v.url[0] : v.url;
        return Buffer.from(await (await fetch(url ?? '')).arrayBuffer());
      }),
    );

  it.each([
    [4, '16:9'],
    [6, '16:9'],
    [8, '16:9'],
    [4, '9:16'],
    [6, '9:16'],
    [8, '9:16'],
  ] as const)('a %i s %s request gets that clip', async (duration, aspect) => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 1 } });
    const data = await getTask(fake, await createTask(fake, { ...BASE_BODY, duration, aspect_ratio: aspect }));
    const [bytes] = await videoBytes(data);
    const clip = fixtureFor(demoFixtures(), aspect, duration);
    expect(clip).toMatchObject({ aspect, durationS: duration, name: `clip-${aspect.replace(':', 'x')}-${duration}s` });
    expect(bytes?.equals(readFileSync(clip.video))).toBe(true);
  });

  it('sample_count N gives N links to the asked clip: a 6 s 9:16 request of 3 gives three 6 s portrait clips', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 1 } });
    const data = await getTask(fake, await createTask(fake, { ...BASE_BODY, duration: 6, aspect_ratio: '9:16', sample_count: 3 }));
    const clips = await videoBytes(data);
    const portrait6 = readFileSync(fixtureFor(demoFixtures(), '9:16', 6).video);
    expect(clips).toHaveLength(3);
    for (const c of clips) expect(c.equals(portrait6)).toBe(true);
  });
});

describe('fake APIMart: task replies as documented', () => {
  it('puts request_id in the body (the same as the header) and next_poll_after_seconds while running, not once finished', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 3 }, nextPollAfterS: 4 });
    const id = await createTask(fake);
    const bodies: Record<string, unknown>[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${fake.apiUrl}/v1/tasks/${id}`, { headers: AUTH });
      const body = await json(res);
      expect(body.request_id).toBe(res.headers.get('x-oneapi-request-id'));
      bodies.push(body);
    }
    const hints = bodies.map((b) => (b.data as Record<string, unknown>).next_poll_after_seconds);
    expect(bodies.map((b) => (b.data as { status: string }).status)).toEqual(['submitted', 'processing', 'completed']);
    expect(hints).toEqual([4, 4, undefined]);
  });

  it('words a failed task in the language the query asks for: en, ko, and English when none or another is asked', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 1 } });
    const id = await createTask(fake, { ...BASE_BODY, prompt: 'a cat [demo:fail]' });
    const message = async (query: string) => {
      const res = await fetch(`${fake.apiUrl}/v1/tasks/${id}${query}`, { headers: AUTH });
      return ((await json(res)).data as TaskData).error?.message;
    };
    expect(await message('?language=en')).toBe(CONTENT_POLICY_MESSAGE);
    expect(await message('?language=ko')).toBe(CONTENT_POLICY_MESSAGE_KO);
    expect(await message('')).toBe(CONTENT_POLICY_MESSAGE);
    expect(await message('?language=zh')).toBe(CONTENT_POLICY_MESSAGE);
  });

  it('words an unknown task in Korean when asked, in English otherwise', async () => {
    const fake = await start();
    const says = async (query: string) =>
      ((await json(await fetch(`${fake.apiUrl}/v1/tasks/task_missing${query}`, { headers: AUTH }))).error as { message: string; code: string });
    expect(await says('?language=ko')).toMatchObject({ code: 'task_not_found', message: '작업을 찾을 수 없습니다: task_missing' });
    expect(await says('?language=en')).toMatchObject({ code: 'task_not_found', message: 'task not found: task_missing' });
    expect((await says('')).message).toBe('task not found: task_missing');
  });
});
