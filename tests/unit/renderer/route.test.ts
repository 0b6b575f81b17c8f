import { beforeEach, describe, expect, it } from 'vitest';
import { useNavigationStore } from '../../../renderer/src/navigation-store.js';
import { formatRoute, hashWithoutToken, parseRoute } from '../../../renderer/src/selection/route.js';
import { useSelectionStore } from '../../../renderer/src/selection/selection-store.js';
import { startUrlSync, type AddressBar } from '../../../renderer/src/selection/url-sync.js';

/** The address follows the view and the primary clip, and the address (Back, a link, a reload) sets them. */

describe('routes', () => {
  it.each([
    ['#/library?v=job-1-0', { view: 'library', clip: 'job-1-0' }],
    ['#/studio', { view: 'studio' }],
    ['#/settings', { view: 'settings' }],
    ['#/spending', { view: 'spending' }],
    ['#/studio?v=job_2-1', { view: 'studio', clip: 'job_2-1' }],
    ['#/library?v=../../etc/passwd', { view: 'library' }],
    ['#/library?v=', { view: 'library' }],
    ['#video=job-1-0', { view: 'library', clip: 'job-1-0' }],
  ] as const)('%j → %j', (hash, want) => {
    expect(parseRoute(hash)).toEqual(want);
  });

  it.each(['', '#', '#token=abcdefghijklmnopqrstuvwxyz', '#/nowhere', '#/LIBRARY', '#video=../x', '#/library/extra'])('%j names no route', (hash) => {
    expect(parseRoute(hash)).toBeUndefined();
  });

  it('round-trips', () => {
    for (const r of [{ view: 'library', clip: 'a-1' }, { view: 'studio' }, { view: 'settings', clip: 'x_y' }] as const) {
      expect(parseRoute(formatRoute(r))).toEqual(r);
    }
  });

  it.each([
    ['#token=abcdefghijklmnopqrstuvwxyz', ''],
    ['#/library?v=a&token=abcdefghijklmnopqrstuvwxyz', '#/library?v=a'],
    ['#/library?token=abcdefghijklmnopqrstuvwxyz&v=a', '#/library?v=a'],
    ['#token=abcdefghijklmnopqrstuvwxyz&video=a', '#video=a'],
    ['#/studio', '#/studio'],
    ['', ''],
  ])('the token leaves %j, the route stays: %j', (hash, want) => {
    expect(hashWithoutToken(hash)).toBe(want);
  });
});

/** An address bar in memory, with its history, where the "person" can type or press Back. */
class FakeBar implements AddressBar {
  entries: string[];
  at: number;
  private listeners = new Set<() => void>();
  constructor(initial: string) {
    this.entries = [initial];
    this.at = 0;
  }
  hash = () => this.entries[this.at] ?? '';
  push = (hash: string) => {
    this.entries = [...this.entries.slice(0, this.at + 1), hash];
    this.at += 1;
  };
  replace = (hash: string) => {
    this.entries[this.at] = hash;
  };
  onChange(cb: () => void) {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }
  /** The person edits the address (or pastes a link). */
  type(hash: string) {
    this.push(hash);
    for (const cb of this.listeners) cb();
  }
  back() {
    this.at -= 1;
    for (const cb of this.listeners) cb();
  }
}

describe('url sync', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    stop?.();
    useNavigationStore.setState({ view: 'studio' });
    useSelectionStore.getState().clear();
  });

  it('a reload opens the view and the clip the address names', () => {
    const bar = new FakeBar('#/library?v=clip-7');
    stop = startUrlSync(bar);
    expect(useNavigationStore.getState().view).toBe('library');
    expect(useSelectionStore.getState()).toMatchObject({ primary: 'clip-7', ids: ['clip-7'] });
    expect(bar.entries).toEqual(['#/library?v=clip-7']);
  });

  it('an address with no route (the host’s first load, token already taken) shows where the app is', () => {
    const bar = new FakeBar('');
    stop = startUrlSync(bar);
    expect(bar.hash()).toBe('#/studio');
  });

  it('a link made before routes (#video=…) opens the clip in the library and becomes a route', () => {
    const bar = new FakeBar('#video=clip-3');
    stop = startUrlSync(bar);
    expect(useNavigationStore.getState().view).toBe('library');
    expect(useSelectionStore.getState().primary).toBe('clip-3');
    expect(bar.hash()).toBe('#/library?v=clip-3');
  });

  it('a new view is a history entry; a new selection replaces the entry', () => {
    const bar = new FakeBar('#/studio');
    stop = startUrlSync(bar);
    useNavigationStore.getState().go('library');
    for (const id of ['a', 'b', 'c']) useSelectionStore.getState().select(id);
    expect(bar.entries).toEqual(['#/studio', '#/library?v=c']);
    useSelectionStore.getState().clear();
    expect(bar.hash()).toBe('#/library');
  });

  it('Back returns to the last view and its clip, without writing a new entry', () => {
    const bar = new FakeBar('#/library?v=a');
    stop = startUrlSync(bar);
    useNavigationStore.getState().go('settings');
    useSelectionStore.getState().select('b');
    expect(bar.entries).toEqual(['#/library?v=a', '#/settings?v=b']);
    bar.back();
    expect(useNavigationStore.getState().view).toBe('library');
    expect(useSelectionStore.getState().primary).toBe('a');
    expect(bar.entries).toEqual(['#/library?v=a', '#/settings?v=b']);
    expect(bar.at).toBe(0);
  });

  it('an address typed by hand selects that clip; a nonsense one is put back to what the app shows', () => {
    const bar = new FakeBar('#/library?v=a');
    stop = startUrlSync(bar);
    bar.type('#/library?v=zz');
    expect(useSelectionStore.getState().primary).toBe('zz');
    bar.type('#/nowhere');
    expect(bar.hash()).toBe('#/library?v=zz');
  });

  it('stops following once stopped', () => {
    const bar = new FakeBar('#/studio');
    startUrlSync(bar)();
    useNavigationStore.getState().go('library');
    expect(bar.entries).toEqual(['#/studio']);
  });
});
