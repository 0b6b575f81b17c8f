import type { Domain, EventDomain, EventName, OpName } from './channels.js';

/**
 * The contract's operation and event names, without its schemas. The page
 * builds its `window.api` from these at start, so it need not construct every
 * zod schema of the contract before its first paint; the schemas follow once
 * the page is idle (see renderer/src/api.ts). The types make both lists
 * exactly the contract's: a missing or extra name does not compile.
 */

type OpNameSet = { [D in Domain]: Record<OpName<D>, true> };
type EventNameSet = { [D in EventDomain]: Record<EventName<D>, true> };

export const OP_NAMES = {
  jobs: { submit: true, list: true, retry: true, stop: true, resume: true, approve: true, queueState: true, pauseQueue: true, resumeQueue: true },
  library: {
    query: true,
    get: true,
    lineage: true,
    setFavorite: true,
    setTags: true,
    trash: true,
    restore: true,
    reveal: true,
    startDrag: true,
    savePoster: true,
    posterBacklog: true,
    folders: true,
    addFolder: true,
    chooseFolder: true,
    removeFolder: true,
  },
  frames: { import: true },
  settings: { get: true, update: true, chooseOutputDir: true, setApiKey: true, clearApiKey: true, hasApiKey: true, testApiKey: true },
  app: { version: true, locale: true },
  cost: { estimate: true, prices: true },
  spend: { summary: true },
  balance: { get: true },
  batch: { plan: true, queue: true, list: true, pause: true, resume: true },
  sequence: { list: true, get: true, save: true, delete: true, plan: true, export: true, cancel: true, writeChunk: true, finish: true },
  history: { list: true },
} as const satisfies OpNameSet;

export const EVENT_NAMES = {
  jobs: { updated: true },
  library: { changed: true, posters: true },
  queue: { changed: true },
  sequence: { exportProgress: true },
  batches: { updated: true },
  app: { notice: true, command: true },
} as const satisfies EventNameSet;

export interface NamedOp {
  domain: string;
  op: string;
  channel: string;
}
export interface NamedEvent {
  domain: string;
  event: string;
  channel: string;
  /** `onUpdated` for `updated`. */
  method: string;
}

export const channelOf = (domain: string, name: string): string => `${domain}:${name}`;
export const onMethodOf = (event: string): string => `on${event.charAt(0).toUpperCase()}${event.slice(1)}`;

export const OP_LIST: readonly NamedOp[] = Object.entries(OP_NAMES).flatMap(([domain, ops]) =>
  Object.keys(ops).map((op) => ({ domain, op, channel: channelOf(domain, op) })),
);

export const EVENT_LIST: readonly NamedEvent[] = Object.entries(EVENT_NAMES).flatMap(([domain, evs]) =>
  Object.keys(evs).map((event) => ({ domain, event, channel: channelOf(domain, event), method: onMethodOf(event) })),
);
