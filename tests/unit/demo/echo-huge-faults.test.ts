import { describe, expect, it } from 'vitest';
import type { FakeEvents } from '../../../electron/core/demo/fake-apimart.js';
import { AUTH, BASE_BODY, KEY, createTask, json, submit, useFakes } from './helpers.js';

const start = useFakes();

describe('fake APIMart: a gateway that echoes the Authorization header', () => {
  it('echo-auth fills {auth} and {token} in the body and the headers', async () => {
    const fake = await start();
    fake.fault({
      route: 'balance',
      kind: 'echo-auth',
      status: 502,
      body: { error: { message: 'saw {auth}', nested: ['{token}', 7, null] } },
      headers: { 'X-Oneapi-Request-Id': 'req_{token}', 'X-Other': '{auth}' },
    });
    const res = await fetch(`${fake.apiUrl}/v1/balance`, { headers: AUTH });
    expect(res.status).toBe(502);
    expect(res.headers.get('x-oneapi-request-id')).toBe(`req_${KEY}`);
    expect(res.headers.get('x-other')).toBe(`Bearer ${KEY}`);
    expect(await json(res)).toEqual({ error: { message: `saw Bearer ${KEY}`, nested: [KEY, 7, null] } });
  });

  it('echo-auth sends a string body verbatim, with the content type asked for', async () => {
    const fake = await start();
    fake.fault({ route: 'submit', kind: 'echo-auth', status: 200, body: '<html>{token}</html>', headers: { 'Content-Type': 'text/html' } });
    const res = await submit(fake, BASE_BODY);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toBe(`<html>${KEY}</html>`);
    expect(fake.stats.tasksCreated).toBe(0);
  });

  it('echo-auth-headers handles the request normally and echoes the key in its headers', async () => {
    const fake = await start();
    fake.fault({ route: 'submit', kind: 'echo-auth-headers' });
    const res = await submit(fake, BASE_BODY);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oneapi-request-id')).toMatch(new RegExp(`^req_[0-9a-z]+\\.${KEY}$`));
    expect(res.headers.get('x-echo-authorization')).toBe(`Bearer ${KEY}`);
    await res.arrayBuffer();
    expect(fake.stats.tasksCreated).toBe(1);
    // Only that one request: the next is plain.
    const id = await createTask(fake);
    expect(id).toMatch(/^task_/);
  });
});

describe('fake APIMart: a huge reply', () => {
  it.each([false, true])('streams a JSON document of exactly the size asked for (Content-Length: %s)', async (declareLength) => {
    const fake = await start();
    const ended = new Promise<FakeEvents['huge-reply-ended']>((resolve) => fake.on('huge-reply-ended', resolve));
    fake.fault({ route: 'models', kind: 'huge-reply', bytes: 300_000, declareLength });
    const res = await fetch(`${fake.apiUrl}/v1/models`, { headers: AUTH });
    expect(res.headers.get('content-length')).toBe(declareLength ? '300000' : null);
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBe(300_000);
    expect((JSON.parse(text) as { data: { id: string }[] }).data).toEqual([{ id: 'padded-model' }]);
    expect(await ended).toEqual({ route: 'models', bytesSent: 300_000, complete: true });
  });

  it('stops sending and reports it when the client hangs up part way', async () => {
    const fake = await start();
    const ended = new Promise<FakeEvents['huge-reply-ended']>((resolve) => fake.on('huge-reply-ended', resolve));
    fake.fault({ route: 'task', kind: 'huge-reply', bytes: 256 * 1024 * 1024, status: 503 });
    const controller = new AbortController();
    const res = await fetch(`${fake.apiUrl}/v1/tasks/task_x`, { headers: AUTH, signal: controller.signal });
    expect(res.status).toBe(503);
    const reader = res.body?.getReader();
    await reader?.read();
    controller.abort();
    const info = await ended;
    expect(info.complete).toBe(false);
    expect(info.bytesSent).toBeLessThan(256 * 1024 * 1024);
  });
});
