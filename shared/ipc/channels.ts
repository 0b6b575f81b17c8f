import type { z } from 'zod';
import { channelOf, onMethodOf } from './channel-names.js';
import { contract, events } from './contract.js';

/**
 * Everything derived from the contract: channel names, the typed `window.api`
 * surface and the lists main, the preload and the browser host iterate. No
 * channel is ever typed twice.
 */

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type OpName<D extends Domain> = keyof Contract[D] & string;
type OpOf<D extends Domain, O extends OpName<D>> = Contract[D][O] extends { input: z.ZodType; output: z.ZodType } ? Contract[D][O] : never;
export type OpInput<D extends Domain, O extends OpName<D>> = z.input<OpOf<D, O>['input']>;
export type OpOutput<D extends Domain, O extends OpName<D>> = z.output<OpOf<D, O>['output']>;
export type Channel = { [D in Domain]: `${D}:${OpName<D>}` }[Domain];

export type Events = typeof events;
export type EventDomain = keyof Events;
export type EventName<D extends EventDomain> = keyof Events[D] & string;
type EventSchemaOf<D extends EventDomain, E extends EventName<D>> = Events[D][E] extends z.ZodType ? Events[D][E] : never;
export type EventPayload<D extends EventDomain, E extends EventName<D>> = z.output<EventSchemaOf<D, E>>;
export type EventChannel = { [D in EventDomain]: `${D}:${EventName<D>}` }[EventDomain];

type Listener<T> = (payload: T) => void;
type Unsubscribe = () => void;
type OnName<E extends string> = `on${Capitalize<E>}`;

/** The page's API: `api.jobs.submit(input)` and `api.jobs.onUpdated(cb) → unsubscribe`. */
export type Api = {
  [D in Domain]: { [O in OpName<D>]: (input: OpInput<D, O>) => Promise<OpOutput<D, O>> } & (D extends EventDomain
    ? { [E in EventName<D> as OnName<E>]: (cb: Listener<EventPayload<D, E>>) => Unsubscribe }
    : unknown);
} & {
  [D in Exclude<EventDomain, Domain>]: { [E in EventName<D> as OnName<E>]: (cb: Listener<EventPayload<D, E>>) => Unsubscribe };
};

export interface OpEntry {
  domain: string;
  op: string;
  channel: string;
  input: z.ZodType;
  output: z.ZodType;
}
export interface EventEntry {
  domain: string;
  event: string;
  channel: string;
  /** `onUpdated` for `updated`. */
  method: string;
  payload: z.ZodType;
}

export { channelOf, onMethodOf };

export const OPS: readonly OpEntry[] = Object.entries(contract).flatMap(([domain, ops]) =>
  Object.entries(ops).map(([op, s]) => ({ domain, op, channel: channelOf(domain, op), input: s.input, output: s.output })),
);

export const EVENTS: readonly EventEntry[] = Object.entries(events).flatMap(([domain, evs]) =>
  Object.entries(evs).map(([event, payload]) => ({ domain, event, channel: channelOf(domain, event), method: onMethodOf(event), payload })),
);

/** Envelope every reply travels in, so errors keep their code across IPC (Electron flattens thrown errors to strings). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };
export interface ReplyError {
  code: string;
  /** English: for the log and a page that knows no `key`. The page words the error from `key` and `params`. */
  message: string;
  /** The message's key in shared/error-messages.ts, and what fills its placeholders. */
  key?: string;
  params?: Record<string, string | number>;
  /** A second sentence after the message (see AppError.note). */
  note?: { key: string; params?: Record<string, string | number> };
  field?: string;
  retryable?: boolean;
  /** How long to wait before trying again (rate limits), so the page can say "try again in 30 s". */
  retryAfterMs?: number;
  requestId?: string;
  detail?: string;
}
