import { describe, expect, it } from 'vitest';
import { EventCoalescer, fifo, idSets, latestByKey, latestValue } from '../../../electron/services/event-coalescer.js';
import { FakeClock } from '../../support/fake-clock.js';

interface Snap {
  id: string;
  progress: number;
}

function setup() {
  const clock = new FakeClock();
  const pushes: { at: number; channel: string; payload: unknown }[] = [];
  const c = new EventCoalescer({ clock, emit: (channel, payload) => pushes.push({ at: clock.now(), channel, payload }) });
  return { clock, pushes, c };
}

describe('EventCoalescer', () => {
  it('turns a storm of 1,000 updates in 100 ms into one push carrying each job once, latest state', () => {
    const { clock, pushes, c } = setup();
    const jobs = c.channel('jobs:updated', latestByKey<Snap, Snap[]>((s) => s.id, (items) => items));
    const last = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      jobs({ id: `job-${i % 7}`, progress: i });
      last.set(`job-${i % 7}`, i);
      clock.advance(0.09);
    }
    clock.advance(100);
    expect(pushes).toHaveLength(1);
    const payload = pushes[0]?.payload as Snap[];
    expect(payload.map((s) => s.id)).toEqual(['job-0', 'job-1', 'job-2', 'job-3', 'job-4', 'job-5', 'job-6']);
    expect(new Map(payload.map((s) => [s.id, s.progress]))).toEqual(last);
  });

  it('never pushes more than 10 times per simulated second on a channel, however steady the input', () => {
    const { clock, pushes, c } = setup();
    const jobs = c.channel('jobs:updated', latestByKey<Snap, Snap[]>((s) => s.id, (items) => items));
    const last = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const id = `job-${i % 13}`;
      jobs({ id, progress: i });
      last.set(id, i);
      clock.advance(1.3); // 6.5 simulated seconds of updates
    }
    clock.advance(1000);
    const perSecond = new Map<number, number>();
    for (const p of pushes) {
      const second = Math.floor((p.at - pushes[0]!.at) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(10);
    for (let i = 1; i < pushes.length; i++) expect(pushes[i]!.at - pushes[i - 1]!.at).toBeGreaterThanOrEqual(100);
    // Every push names a job at most once; the final state of each job is what the page ends with.
    const seen = new Map<string, number>();
    for (const p of pushes) {
      const ids = (p.payload as Snap[]).map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of p.payload as Snap[]) seen.set(s.id, s.progress);
    }
    expect(seen).toEqual(last);
  });

  it('keeps channels independent and keeps only the latest value of a state channel', () => {
    const { clock, pushes, c } = setup();
    const queue = c.channel('queue:changed', latestValue<number>());
    const jobs = c.channel('jobs:updated', latestByKey<Snap, Snap[]>((s) => s.id, (items) => items));
    queue(1);
    queue(2);
    jobs({ id: 'a', progress: 1 });
    clock.advance(100);
    expect(pushes.map((p) => [p.channel, p.payload])).toEqual([
      ['queue:changed', 2],
      ['jobs:updated', [{ id: 'a', progress: 1 }]],
    ]);
  });

  it('merges library changes by each id’s last change', () => {
    const { clock, pushes, c } = setup();
    const lib = c.channel('library:changed', idSets());
    lib({ added: ['a', 'b'], updated: [], removed: [] });
    lib({ added: [], updated: ['a', 'c'], removed: ['b'] });
    clock.advance(100);
    expect(pushes[0]?.payload).toEqual({ added: ['a'], updated: ['c'], removed: ['b'] });
  });

  it('sends queued notices one per window, never merged, and drops beyond the cap', () => {
    const { clock, pushes, c } = setup();
    const dropped: string[] = [];
    const notices = c.channel('app:notice', fifo<string>(3, (n) => dropped.push(n)));
    for (const n of ['one', 'two', 'three', 'four']) notices(n);
    clock.advance(1000);
    expect(pushes.map((p) => p.payload)).toEqual(['one', 'two', 'three']);
    expect(pushes.map((p) => p.at - pushes[0]!.at)).toEqual([0, 100, 200]);
    expect(dropped).toEqual(['four']);
  });

  it('drops pending pushes and timers on close', () => {
    const { clock, pushes, c } = setup();
    const q = c.channel('queue:changed', latestValue<number>());
    q(1);
    c.close();
    q(2);
    clock.advance(1000);
    expect(pushes).toEqual([]);
    expect(clock.pending()).toBe(0);
  });
});
