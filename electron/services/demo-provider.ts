import type { Clock, FetchLike, Logger } from '../core/ports.js';
import type { DemoServer, DemoStarter } from './types.js';

/**
 * The built-in demo provider (no key, no charge), wired so that the engine is
 * created once and never rebuilt when demo mode is toggled.
 *
 * The engine's demo client is pointed at a fixed placeholder origin under the
 * reserved `.invalid` TLD, and the engine's fetch port routes requests for it
 * to the in-process demo server, which is started on the first such request.
 * So: nothing listens until a demo job (or a demo balance check) needs it;
 * unfinished demo jobs found in the journal at start bring it up by
 * themselves when they next poll; turning demo mode off never strands a demo
 * job; and no request can ever leave the machine for the placeholder (it
 * never resolves). The demo server keeps its tasks in memory, so a demo task
 * still generating when the app quits cannot be picked up after a restart.
 */

export const DEMO_PLACEHOLDER_ORIGIN = 'http://demo.keyframe.invalid';
/** Demo jobs take this long: long enough to watch progress, short enough to wait for. */
export const DEMO_JOB_MS = 8000;

export interface DemoRoute {
  /** Base URL to give createEngine as `demo.baseUrl`. */
  baseUrl: string;
  /** Fetch to give createEngine: routes the placeholder origin to the demo server. */
  fetch: FetchLike;
  close(): Promise<void>;
}

export interface DemoOptions {
  /** Starts the provider itself (injected: services never reach electron/core/demo). */
  start: DemoStarter;
  fetch: FetchLike;
  /** Demo progress follows this clock (tests drive it with a fake one). */
  clock: Clock;
  logger: Logger;
  durationMs?: number;
}

/** An already running provider (ports.demoBaseUrl): nothing to start or route. */
export function fixedDemo(baseUrl: string, fetch: FetchLike): DemoRoute {
  return { baseUrl, fetch, close: async () => undefined };
}

export function lazyDemo(opts: DemoOptions): DemoRoute {
  let server: Promise<DemoServer> | undefined;
  let closed = false;
  const ensure = (): Promise<DemoServer> => {
    if (closed) return Promise.reject(new Error('the demo provider has been shut down'));
    if (!server) {
      const starting = opts.start({ clock: opts.clock, durationMs: opts.durationMs ?? DEMO_JOB_MS });
      server = starting;
      starting.then(
        () => opts.logger.log('info', 'demo provider started'),
        (err: unknown) => {
          // A failed start (no free port?) is retried by the next request rather than cached.
          if (server === starting) server = undefined;
          opts.logger.log('error', 'demo provider could not start', { error: err });
        },
      );
    }
    return server;
  };
  const routed: FetchLike = async (input, init) => {
    if (!input.startsWith(`${DEMO_PLACEHOLDER_ORIGIN}/`)) return opts.fetch(input, init);
    const fake = await ensure();
    return opts.fetch(fake.apiUrl + input.slice(DEMO_PLACEHOLDER_ORIGIN.length), init);
  };
  return {
    baseUrl: DEMO_PLACEHOLDER_ORIGIN,
    fetch: routed,
    async close() {
      closed = true;
      const running = await server?.catch(() => undefined);
      await running?.close();
    },
  };
}
