import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from './support/memory-storage';

/**
 * The token in `#token=…` leaves the address at once and is kept in the tab's
 * sessionStorage for a reload: when the page is idle, or when it is left,
 * whichever comes first, and never lost in between.
 */

interface FakeWindow {
  location: { hash: string; pathname: string; search: string };
  requestIdleCallback?: (cb: () => void) => number;
  addEventListener(type: string, cb: () => void): void;
  removeEventListener(type: string, cb: () => void): void;
  fire(type: string): void;
  runIdle(): void;
}

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-';

function fakeWindow(hash: string): FakeWindow {
  const listeners = new Map<string, Set<() => void>>();
  const idle: (() => void)[] = [];
  return {
    location: { hash, pathname: '/', search: '' },
    requestIdleCallback: (cb) => idle.push(cb),
    addEventListener: (type, cb) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type))?.add(cb),
    removeEventListener: (type, cb) => void listeners.get(type)?.delete(cb),
    fire: (type) => [...(listeners.get(type) ?? [])].forEach((cb) => cb()),
    runIdle: () => idle.splice(0).forEach((cb) => cb()),
  };
}

let storage: MemoryStorage;
let win: FakeWindow;
const replaced: string[] = [];

async function load(hash: string) {
  win = fakeWindow(hash);
  vi.stubGlobal('window', win);
  vi.stubGlobal('sessionStorage', storage);
  vi.stubGlobal('history', { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) });
  vi.resetModules();
  return import('../../../renderer/src/host-token');
}

beforeEach(() => {
  storage = new MemoryStorage();
  replaced.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe('takeToken', () => {
  it('takes the token out of the address at once, route kept', async () => {
    const { takeToken } = await load(`#/library?v=abc&token=${TOKEN}`);
    expect(takeToken()).toBe(TOKEN);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).not.toContain(TOKEN);
    expect(replaced[0]).toContain('#/library?v=abc');
  });

  it('keeps it for a reload when the page is idle, and says it meanwhile', async () => {
    const { takeToken, storedToken } = await load(`#token=${TOKEN}`);
    takeToken();
    expect(storage.getItem('keyframe.token')).toBeNull();
    expect(storedToken()).toBe(TOKEN);
    win.runIdle();
    expect(storage.getItem('keyframe.token')).toBe(TOKEN);
  });

  it('keeps it when the page is left before it was idle (a quick reload)', async () => {
    const { takeToken } = await load(`#token=${TOKEN}`);
    takeToken();
    win.fire('pagehide');
    expect(storage.getItem('keyframe.token')).toBe(TOKEN);
  });

  it('after a reload (no token in the address) answers the kept one', async () => {
    storage.setItem('keyframe.token', TOKEN);
    const { takeToken } = await load('#/studio');
    expect(takeToken()).toBe(TOKEN);
    expect(replaced).toHaveLength(0);
  });

  it('has none without an address token or a kept one', async () => {
    const { takeToken } = await load('#/studio');
    expect(takeToken()).toBeUndefined();
  });
});
