import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BalanceView } from '../../../shared/ipc/views.js';
import { balanceLabel, useBalanceStore } from '../../../renderer/src/components/balance-store.js';

/** The balance is main's figure or nothing: a failed lookup forgets it, and calls at once share one request. */

const api = vi.hoisted(() => ({ balance: { get: vi.fn<(input: object) => Promise<BalanceView>>() } }));
vi.mock('../../../renderer/src/api', () => ({ api }));

const initial = useBalanceStore.getState();
const store = () => useBalanceStore.getState();
const balance = (overrides: Partial<BalanceView> = {}): BalanceView => ({ remainUsd: 12.5, unlimited: false, demo: false, ...overrides });

beforeEach(() => {
  useBalanceStore.setState(initial, true);
  vi.clearAllMocks();
});

describe('refresh', () => {
  it('shows the balance main reports', async () => {
    api.balance.get.mockResolvedValue(balance({ remainUsd: 3 }));
    await store().refresh();
    expect(store().balance).toEqual(balance({ remainUsd: 3 }));
  });

  it('forgets a balance it can no longer read (no key, offline)', async () => {
    api.balance.get.mockResolvedValueOnce(balance());
    await store().refresh();
    api.balance.get.mockRejectedValueOnce({ code: 'missing_key', message: 'No key.' });
    await expect(store().refresh()).resolves.toBeUndefined();
    expect(store().balance).toBeUndefined();
  });

  it('shares one request between calls made while it is on its way', async () => {
    let reply!: (b: BalanceView) => void;
    api.balance.get.mockReturnValueOnce(new Promise((r) => (reply = r)));
    const first = store().refresh();
    const second = store().refresh();
    expect(api.balance.get).toHaveBeenCalledTimes(1);
    reply(balance({ remainUsd: 7 }));
    await Promise.all([first, second]);
    expect(store().balance?.remainUsd).toBe(7);
  });

  it('a fresh refresh (after a switch between demo and live) is not answered by the request already on its way', async () => {
    let before!: (b: BalanceView) => void;
    let after!: (b: BalanceView) => void;
    api.balance.get.mockReturnValueOnce(new Promise((r) => (before = r))).mockReturnValueOnce(new Promise((r) => (after = r)));
    const stale = store().refresh();
    const fresh = store().refresh({ fresh: true });
    expect(api.balance.get).toHaveBeenCalledTimes(2);
    after(balance({ remainUsd: 25 }));
    await fresh;
    before(balance({ demo: true, remainUsd: 999 }));
    await stale;
    expect(store().balance).toEqual(balance({ remainUsd: 25 }));
    // Later calls share the fresh one's successor, not the stale one.
    api.balance.get.mockResolvedValueOnce(balance({ remainUsd: 24 }));
    await store().refresh();
    expect(store().balance?.remainUsd).toBe(24);
  });

  it('asks again once the earlier request has finished, even if it failed', async () => {
    api.balance.get.mockRejectedValueOnce({ code: 'network', message: 'offline' });
    await store().refresh();
    api.balance.get.mockResolvedValueOnce(balance({ remainUsd: 9 }));
    await store().refresh();
    expect(api.balance.get).toHaveBeenCalledTimes(2);
    expect(store().balance?.remainUsd).toBe(9);
  });
});

describe('balanceLabel', () => {
  const words = { demo: 'Demo', unlimited: 'Unlimited' };
  it.each([
    ['unknown', undefined, undefined],
    ['a figure', balance({ remainUsd: 12.5 }), '$12.50'],
    ['nothing left', balance({ remainUsd: 0 }), '$0.00'],
    ['a figure with cents', balance({ remainUsd: 0.07 }), '$0.07'],
    ['unlimited', balance({ unlimited: true, remainUsd: undefined }), 'Unlimited'],
    ['unlimited with a figure', balance({ unlimited: true, remainUsd: 4 }), 'Unlimited'],
    ['the demo provider', balance({ demo: true, remainUsd: 999 }), 'Demo'],
    ['the demo provider, also unlimited', balance({ demo: true, unlimited: true }), 'Demo'],
    ['a reply without a figure', balance({ remainUsd: undefined }), undefined],
  ])('%s → %s', (_name, b, want) => {
    expect(balanceLabel(b, words)).toBe(want);
  });
});
