import type { z } from 'zod';
import { whenIdle } from './when-idle';

/**
 * Checks each event main pushes against its schema before page code sees it.
 * The schemas are the whole contract's, which takes tens of milliseconds to
 * build; they load once the page is idle after its first paint, not before it.
 * An event that arrives sooner waits, and waiting events are delivered in the
 * order they came as soon as the schemas are there.
 */

type Schemas = ReadonlyMap<string, z.ZodType>;

let schemas: Schemas | undefined;
let loading: Promise<Schemas> | undefined;
const waiting: Array<() => void> = [];

async function importSchemas(): Promise<Schemas> {
  const { EVENTS } = await import('../../shared/ipc/channels.js');
  return new Map(EVENTS.map((e) => [e.channel, e.payload]));
}

/** Loads the schemas (once) and delivers what waited for them. */
export function loadEventSchemas(load: () => Promise<Schemas> = importSchemas): Promise<Schemas> {
  loading ??= load().then((loaded) => {
    schemas = loaded;
    for (const deliver of waiting.splice(0)) deliver();
    return loaded;
  });
  return loading;
}

/** Starts loading when the page is idle (within a second at the latest). */
export function loadEventSchemasWhenIdle(): void {
  void whenIdle(1000).then(() => loadEventSchemas());
}

/**
 * Hands `raw` to `cb` once it passes the channel's schema; a malformed payload is dropped with a
 * warning. `live` is asked at delivery: a listener removed while its event waited gets nothing.
 */
export function deliverChecked(channel: string, raw: unknown, cb: (payload: unknown) => void, live: () => boolean): void {
  const deliver = (): void => {
    if (!live() || !schemas) return;
    const parsed = schemas.get(channel)?.safeParse(raw);
    if (parsed?.success) cb(parsed.data);
    else console.warn(`Keyframe: ignored a malformed ${channel} event`);
  };
  if (schemas) deliver();
  else waiting.push(deliver);
}

/** Forgets loaded schemas and waiting events (tests start each case from a fresh page). */
export function resetEventChecks(): void {
  schemas = undefined;
  loading = undefined;
  waiting.length = 0;
}
