import type { Clock, TimerHandle } from '../core/ports.js';

/**
 * Rate-limits the events pushed to the page: a progress storm (every
 * downloaded chunk of every job emits) must not flood IPC or re-render the
 * grid a thousand times a second. Each channel collects what arrives in a
 * window and pushes once at its end, so a channel pushes at most once per
 * `windowMs` (10/s by default). How a window's items fold into one payload
 * is the channel's Batch: the latest snapshot per job, the latest queue
 * state, merged id sets, or one notice per window (notices never merge).
 */

export interface Batch<I, P> {
  add(item: I): void;
  /** The payload for this window, or undefined if nothing is pending; resets the window. */
  take(): P | undefined;
  /** Whether items are still waiting after a take (another window is needed). */
  pending(): boolean;
}

export interface CoalescerOptions {
  clock: Clock;
  /** Minimum spacing of pushes on one channel (default 100 ms: 10 per second). */
  windowMs?: number;
  emit(channel: string, payload: unknown): void;
}

interface Slot {
  take(): unknown;
  pending(): boolean;
  timer?: TimerHandle;
}

export class EventCoalescer {
  private readonly slots = new Map<string, Slot>();
  private readonly windowMs: number;
  private closed = false;

  constructor(private readonly opts: CoalescerOptions) {
    this.windowMs = opts.windowMs ?? 100;
  }

  /** Declares a channel; returns the function that feeds it. */
  channel<I, P>(name: string, batch: Batch<I, P>): (item: I) => void {
    const slot: Slot = { take: () => batch.take(), pending: () => batch.pending() };
    this.slots.set(name, slot);
    return (item) => {
      if (this.closed) return;
      batch.add(item);
      this.arm(name, slot);
    };
  }

  /** Drops whatever is pending and stops all timers. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots.values()) if (slot.timer !== undefined) this.opts.clock.clearTimeout(slot.timer);
  }

  private arm(name: string, slot: Slot): void {
    if (slot.timer !== undefined) return;
    slot.timer = this.opts.clock.setTimeout(() => this.flush(name, slot), this.windowMs);
  }

  private flush(name: string, slot: Slot): void {
    slot.timer = undefined;
    if (this.closed) return;
    const payload = slot.take();
    // Re-arm before emitting: a listener that throws must not strand the rest of a FIFO.
    if (slot.pending()) this.arm(name, slot);
    if (payload !== undefined) this.opts.emit(name, payload);
  }
}

/** Keeps the latest item per key; the payload lists each key once, in first-seen order. */
export function latestByKey<T, P>(key: (item: T) => string, render: (items: T[]) => P): Batch<T, P> {
  let items = new Map<string, T>();
  return {
    add: (item) => void items.set(key(item), item),
    take: () => {
      if (items.size === 0) return undefined;
      const out = render([...items.values()]);
      items = new Map();
      return out;
    },
    pending: () => items.size > 0,
  };
}

/** Keeps only the latest value (a state snapshot supersedes older ones). */
export function latestValue<T>(): Batch<T, T> {
  let value: { v: T } | undefined;
  return {
    add: (v) => void (value = { v }),
    take: () => {
      const out = value?.v;
      value = undefined;
      return out;
    },
    pending: () => value !== undefined,
  };
}

/** One item per window, oldest first; beyond `max` waiting, new items are dropped (and counted by the caller's log). */
export function fifo<T>(max = 50, onDrop?: (item: T) => void): Batch<T, T> {
  const items: T[] = [];
  return {
    add: (item) => {
      if (items.length < max) items.push(item);
      else onDrop?.(item);
    },
    take: () => items.shift(),
    pending: () => items.length > 0,
  };
}

/** Library changes merged into one added/updated/removed triple; an id's last change decides its set. */
export function idSets(): Batch<{ added: string[]; updated: string[]; removed: string[] }, { added: string[]; updated: string[]; removed: string[] }> {
  let last = new Map<string, 'added' | 'updated' | 'removed'>();
  return {
    add: (c) => {
      for (const id of c.added) last.set(id, 'added');
      // An id added and then updated in one window is still new to the page.
      for (const id of c.updated) last.set(id, last.get(id) === 'added' ? 'added' : 'updated');
      for (const id of c.removed) last.set(id, 'removed');
    },
    take: () => {
      if (last.size === 0) return undefined;
      const out = { added: [] as string[], updated: [] as string[], removed: [] as string[] };
      for (const [id, kind] of last) out[kind].push(id);
      last = new Map();
      return out;
    },
    pending: () => last.size > 0,
  };
}
