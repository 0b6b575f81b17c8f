import { describe, it, expect } from 'vitest';
import { AUTH, BASE_BODY, createTask, getTask, json, submit, useFakes } from './helpers.js';

const start = useFakes();

describe('fake APIMart: scripted faults', () => {
  it.each([
    [402, 'payment_required'],
    [403, 'permission_error'],
    [429, 'rate_limit_error'],
    [500, 'server_error'],
    [502, 'bad_gateway'],
    [503, 'service_unavailable'],
  ])('answers %i with the contract envelope type %s by default', async (status, type) => {
    const fake = await start();
    fake.fault({ route: 'submit', kind: 'status', status });
    const res = await submit(fake, BASE_BODY);
    expect(res.status).toBe(status);
    expect(((await json(res)).error as { type: string }).type).toBe(type);
    expect(fake.stats.submits).toBe(1);
    expect(fake.stats.submitBodies).toHaveLength(0);
    expect(fake.stats.tasksCreated).toBe(0);
  });

  it('sends extra headers, empty bodies and verbatim text bodies', async () => {
    const fake = await start();
    fake.fault({ route: 'balance', kind: 'status', status: 429, headers: { 'Retry-After': '7' } });
    fake.fault({ route: 'balance', kind: 'status', status: 502, body: null });
    fake.fault({ route: 'balance', kind: 'status', status: 200, body: '<html>gateway</html>' });
    const limited = await fetch(`${fake.apiUrl}/v1/balance`, { headers: AUTH });
    expect(limited.headers.get('retry-after')).toBe('7');
    await limited.arrayBuffer();
    const empty = await fetch(`${fake.apiUrl}/v1/balance`, { headers: AUTH });
    expect(empty.status).toBe(502);
    expect(await empty.text()).toBe('');
    const html = await fetch(`${fake.apiUrl}/v1/balance`, { headers: AUTH });
    expect(html.status).toBe(200);
    expect(await html.text()).toBe('<html>gateway</html>');
    expect((await fetch(`${fake.apiUrl}/v1/balance`, { headers: AUTH })).status).toBe(200);
  });

  it('consumes faults per route in FIFO order, with repetitions', async () => {
    const fake = await start();
    fake.fault({ route: 'models', kind: 'status', status: 500, times: 2 });
    fake.fault({ route: 'models', kind: 'status', status: 503 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${fake.apiUrl}/v1/models`, { headers: AUTH });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([500, 500, 503, 200]);
  });

  it('drops a connection before processing, and clearFaults forgets queued faults', async () => {
    const fake = await start();
    const id = await createTask(fake);
    fake.fault({ route: 'task', kind: 'drop' });
    await expect(fetch(`${fake.apiUrl}/v1/tasks/${id}`, { headers: AUTH })).rejects.toThrow();
    expect(fake.stats.taskPolls).toBe(0);
    fake.fault({ route: 'task', kind: 'status', status: 500 });
    fake.fault({ route: 'task', kind: 'fail', message: 'nope' });
    fake.clearFaults();
    expect((await getTask(fake, id)).status).toBe('submitted');
    await getTask(fake, id);
    expect((await getTask(fake, id)).status).toBe('completed');
  });

  it('a dropped submit without a key is counted but creates nothing', async () => {
    const fake = await start();
    fake.fault({ route: 'submit', kind: 'drop' });
    await expect(submit(fake, BASE_BODY)).rejects.toThrow();
    expect(fake.stats).toMatchObject({ submits: 1, tasksCreated: 0 });
    expect(fake.stats.submitBodies).toHaveLength(0);
  });

  it('emits request events for both servers', async () => {
    const fake = await start({ progress: { mode: 'polls', pollsToComplete: 1 } });
    const seen: string[] = [];
    const off = fake.on('request', (info) => seen.push(`${info.server} ${info.method}`));
    const data = await getTask(fake, await createTask(fake));
    await (await fetch(data.result?.thumbnail_url ?? '')).arrayBuffer();
    off();
    await fetch(`${fake.apiUrl}/v1/models`, { headers: AUTH });
    expect(seen).toEqual(['api POST', 'api GET', 'file GET']);
  });
});
