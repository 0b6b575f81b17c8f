import { afterEach, describe, expect, it } from 'vitest';
import { filesWithKeyTrace, keyTraceIn } from '../../support/key-trace.js';
import { callError, createServiceHarness, isFinished, jobState, type ServiceHarness } from './service-harness.js';

/**
 * The services over a gateway that echoes the key into its replies: what a
 * window gets (IPC replies, pushed events), what is written (journal, sidecars,
 * caches) and what is logged must hold no trace of it. The key has no `sk-`
 * shape, so only the client's knowledge of the key it sent can remove it.
 */
const KEY = 'kf0-services-echo-P1o2I3u4Y5t6';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the services over a gateway that echoes the key', () => {
  it('jobs:list, jobs:updated, balance and key test replies, files and logs carry no trace of it', async () => {
    h = await createServiceHarness({ key: KEY, fake: { apiKey: KEY } });
    const s = h;

    // Account calls.
    s.fake.fault({ route: 'balance', kind: 'echo-auth', status: 401, body: { error: { message: 'Invalid token {auth}', type: 'apimart_error', code: '' } } });
    expect((await callError(s, 'settings:testApiKey')).code).toBe('auth');
    s.fake.fault({ route: 'balance', kind: 'echo-auth', status: 200, body: { success: false, message: 'quota of {token} exhausted' } });
    expect((await callError(s, 'balance:get')).message).toContain('quota of [redacted] exhausted');
    s.fake.fault({ route: 'balance', kind: 'echo-auth-headers' });
    await s.call('balance:get');

    // A job that meets an unreadable submit reply, echoed request ids and an echoed status, then succeeds.
    s.fake.fault({ route: 'submit', kind: 'echo-auth', status: 200, body: '<html><body>Proxy saw {auth}</body></html>', headers: { 'Content-Type': 'text/html' } });
    s.fake.fault({ route: 'submit', kind: 'echo-auth-headers' });
    s.fake.fault({ route: 'task', kind: 'echo-auth', status: 200, body: { code: 200, data: { status: 'queued behind {token}', progress: 3 } } });
    s.fake.fault({ route: 'task', kind: 'echo-auth-headers', times: 20 });
    const ok = await s.call('jobs:submit', { request: { prompt: 'a parrot that repeats headers', duration: 4 } });
    await s.drive(isFinished(s, ok.id));
    expect(jobState(s, ok.id)).toBe('done');

    // A job whose task fails with the key in its error.
    s.fake.clearFaults();
    s.fake.fault({ route: 'task', kind: 'echo-auth', status: 200, body: { code: 200, data: { status: 'failed', error: { message: 'rejected {auth}', code: '{token}' } } } });
    const bad = await s.call('jobs:submit', { request: { prompt: 'a parrot that fails', duration: 4 } });
    await s.drive(isFinished(s, bad.id));
    expect(jobState(s, bad.id)).toBe('failed');

    const listed = await s.call('jobs:list');
    await s.call('jobs:queueState');
    await s.call('library:query', {});
    await s.drive(() => s.events.some((e) => e.channel === 'jobs:updated' && JSON.stringify(e.payload).includes('"failed"')));

    // The echoes reached the services, replaced.
    const replies = JSON.stringify(s.replies);
    const events = JSON.stringify(s.events);
    expect(JSON.stringify(listed)).toContain('[redacted]');
    expect(events).toContain('[redacted]');
    // And left no trace anywhere a window, a file or a log line could show.
    expect(keyTraceIn(replies, KEY)).toBeUndefined();
    expect(keyTraceIn(events, KEY)).toBeUndefined();
    expect(s.logger.lines.length).toBeGreaterThan(0);
    expect(keyTraceIn(s.logger.text(), KEY)).toBeUndefined();
    expect(await filesWithKeyTrace(KEY, s.dataDir, s.outDir)).toEqual([]);
    // The key itself still works.
    expect(s.fake.stats.apiRequests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });
});
