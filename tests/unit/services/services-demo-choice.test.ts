import { afterEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../../electron/services/app-services.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';

/**
 * Live from the first key: saving a key switches new jobs to APIMart; demo
 * mode stays on only when the person chose it after the key was saved; and
 * "Test key" tries the key on APIMart whatever the mode.
 */

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const balanceRequests = (s: ServiceHarness) => s.fake.stats.apiRequests.filter((r) => r.path.startsWith('/v1/balance'));

describe('demo mode and the key', () => {
  it('saving a key turns demo mode off, and the next job runs on APIMart', async () => {
    h = await createServiceHarness({ settings: { demoMode: true } });
    const s = h;
    expect(await s.call('settings:setApiKey', { key: TEST_KEY })).toMatchObject({ hasApiKey: true, demoMode: false });
    expect(s.settings.get()).toMatchObject({ demoMode: false, demoChosen: false });
    const job = await s.call('jobs:submit', { request: { prompt: 'paid with the new key', duration: 4 } });
    expect(job.provider).toBe('apimart');
    await s.drive(isFinished(s, job.id));
    expect(s.fake.stats.tasksCreated).toBe(1);
    expect(await s.call('balance:get')).toMatchObject({ demo: false, remainUsd: expect.any(Number) });
  });

  it('keeps a demo choice made after the key was saved, across a restart, until a key is saved again', async () => {
    h = await createServiceHarness();
    const s = h;
    await s.call('settings:setApiKey', { key: TEST_KEY });
    expect(await s.call('settings:update', { demoMode: true })).toMatchObject({ demoMode: true, hasApiKey: true });
    expect(s.settings.get()).toMatchObject({ demoMode: true, demoChosen: true });
    expect((await s.call('jobs:submit', { request: { prompt: 'a demo clip' } })).provider).toBe('demo');

    await s.services.close();
    const reopened = await openAppServices(s.ports);
    s.services = reopened.services;
    s.engine = reopened.engine;
    expect(await s.services.handlers.settings.get({})).toMatchObject({ demoMode: true });

    expect(await s.services.handlers.settings.setApiKey({ key: TEST_KEY })).toMatchObject({ demoMode: false });
  });

  it('removing the key goes back to demo mode, whatever was chosen before', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    await s.call('settings:update', { demoMode: false });
    expect(s.settings.get()).toMatchObject({ demoMode: false, demoChosen: true });
    expect(await s.call('settings:clearApiKey')).toMatchObject({ hasApiKey: false, demoMode: true });
    expect(s.settings.get()).toMatchObject({ demoMode: true, demoChosen: false });
  });

  it('records only the choice: the page can neither read nor set how demo mode came about', async () => {
    h = await createServiceHarness();
    expect(await callError(h, 'settings:update', { demoChosen: true })).toMatchObject({ code: 'invalid_request' });
    expect(await h.call('settings:get')).not.toHaveProperty('demoChosen');
  });
});

describe('settings:testApiKey', () => {
  it('tries the saved key on APIMart in demo mode too', async () => {
    h = await createServiceHarness({ key: TEST_KEY, settings: { demoMode: true, demoChosen: true } });
    const s = h;
    expect(await s.call('settings:testApiKey')).toEqual({ remainUsd: 25, usedUsd: 0, unlimited: false, demo: false });
    expect(balanceRequests(s)).toHaveLength(1);
    expect(balanceRequests(s)[0]?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    // The header's balance stays the demo provider's while demo mode is on.
    expect(await s.call('balance:get')).toMatchObject({ demo: true });
    expect(balanceRequests(s)).toHaveLength(1);
  });

  it('says the key is refused in demo mode too, and that there is no key to try', async () => {
    h = await createServiceHarness({ key: 'sk-not-the-right-key-0000', settings: { demoMode: true, demoChosen: true } });
    expect((await callError(h, 'settings:testApiKey')).code).toBe('auth');
    await h.call('settings:clearApiKey');
    expect((await callError(h, 'settings:testApiKey')).code).toBe('missing_key');
  });
});
