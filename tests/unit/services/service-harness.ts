import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoProvider, startFakeApimart, type FakeApimart, type FakeApimartOptions } from '../../../electron/core/demo/fake-apimart.js';
import type { Engine } from '../../../electron/core/engine.js';
import { openAppServices, type AppServicesOptions } from '../../../electron/services/app-services.js';
import { createIpcDispatcher, type IpcDispatcher } from '../../../electron/services/ipc-dispatcher.js';
import type { AppServices, ServicePorts } from '../../../electron/services/types.js';
import type { Channel, Domain, OpName, OpOutput, Reply } from '../../../shared/ipc/channels.js';
import type { Settings } from '../../../shared/ipc/views.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { FakeClock } from '../../support/fake-clock.js';
import { FakeShell, MemoryLogger, MemorySecretStore, MemorySettingsStore, defaultSettings } from './fakes.js';
import type { MediaKind } from '../../../shared/ipc/views.js';

/**
 * The services wired to the fake APIMart server on a fake clock, called the
 * way a window calls them: through the dispatcher. Every reply and every
 * pushed event is kept so tests can search them for keys and paths.
 */

export type OutputOf<C extends Channel> = C extends `${infer D}:${infer O}` ? (D extends Domain ? (O extends OpName<D> ? OpOutput<D, O> : never) : never) : never;

export interface ServiceHarness {
  fake: FakeApimart;
  clock: FakeClock;
  root: string;
  dataDir: string;
  outDir: string;
  secrets: MemorySecretStore;
  settings: MemorySettingsStore;
  shell: FakeShell;
  logger: MemoryLogger;
  ports: ServicePorts;
  services: AppServices;
  engine: Engine;
  dispatcher: IpcDispatcher;
  replies: Reply<unknown>[];
  /** Pushed events with the fake-clock time they were pushed at. */
  events: { channel: string; payload: unknown; at: number }[];
  /** Calls through the dispatcher; throws with the error code on an error reply. */
  call<C extends Channel>(channel: C, input?: unknown): Promise<OutputOf<C>>;
  raw(channel: string, input?: unknown): Promise<Reply<unknown>>;
  /** Steps the fake clock until `done()` holds (like tests/support/engine-harness.ts). */
  drive(done: () => boolean, maxSteps?: number): Promise<void>;
  close(): Promise<void>;
}

export interface ServiceHarnessOptions {
  settings?: Partial<Settings>;
  /** The key already in the secret store (default: none). */
  key?: string;
  fake?: FakeApimartOptions;
  ports?: Partial<ServicePorts>;
  /** Runs before the services open (e.g. to plant a damaged journal entry). */
  prepare?: (dirs: { dataDir: string; outDir: string }) => Promise<void>;
  /**
   * Watch the library folders (off by default: a watcher's batches run on the fake clock,
   * so a test that drives the clock would see them flushed at whatever step it stops).
   */
  watchFolders?: AppServicesOptions['watchFolders'];
}

export const mediaUrl = (kind: MediaKind, id: string): string => `keyframe-media://${kind}/${id}`;

export async function createServiceHarness(opts: ServiceHarnessOptions = {}): Promise<ServiceHarness> {
  const clock = new FakeClock();
  const fake = await startFakeApimart({ apiKey: TEST_KEY, clock, ...opts.fake });
  const root = await mkdtemp(join(tmpdir(), 'keyframe-services-'));
  const dataDir = join(root, 'data');
  const outDir = join(root, 'out');
  const secrets = new MemorySecretStore();
  secrets.key = opts.key;
  const settings = new MemorySettingsStore(defaultSettings(outDir, opts.settings));
  const shell = new FakeShell(join(root, 'trash'));
  const logger = new MemoryLogger();
  const ports: ServicePorts = {
    dataDir,
    secrets,
    settings,
    shell,
    logger,
    appVersion: '0.0.0-test',
    platform: 'linux',
    locale: () => 'en-US',
    mediaUrl,
    clock,
    apiBaseUrl: fake.apiUrl,
    startDemo: startDemoProvider,
    ...opts.ports,
  };
  await opts.prepare?.({ dataDir, outDir });
  const { services, engine } = await openAppServices(ports, { random: () => 0.5, watchFolders: opts.watchFolders ?? false });
  const dispatcher = createIpcDispatcher(services.handlers, { logger });
  const replies: Reply<unknown>[] = [];
  const events: ServiceHarness['events'] = [];
  services.onEvent((channel, payload) => events.push({ channel, payload, at: clock.now() }));
  const raw = async (channel: string, input: unknown = {}) => {
    const reply = await dispatcher.dispatch(channel, input, { trusted: true });
    replies.push(reply);
    return reply;
  };
  const h: ServiceHarness = {
    fake,
    clock,
    root,
    dataDir,
    outDir,
    secrets,
    settings,
    shell,
    logger,
    ports,
    services,
    engine,
    dispatcher,
    replies,
    events,
    raw,
    async call<C extends Channel>(channel: C, input: unknown = {}) {
      const reply = await raw(channel, input);
      if (!reply.ok) throw Object.assign(new Error(`${channel}: ${reply.error.code}: ${reply.error.message}`), { reply: reply.error });
      return reply.value as OutputOf<C>;
    },
    async drive(done, maxSteps = 2000) {
      for (let i = 0; i < maxSteps; i++) {
        await h.engine.queue.settled();
        if (done()) return;
        if (!clock.runNext()) throw new Error('stuck: the condition is not met and no timer is pending');
      }
      throw new Error(`condition not met after ${maxSteps} steps`);
    },
    async close() {
      // The current services: a test may have reopened them (a restart).
      await h.services.close();
      await fake.close();
      await rm(root, { recursive: true, force: true });
    },
  };
  return h;
}

/** The error of a call expected to fail. */
export async function callError(h: ServiceHarness, channel: Channel, input: unknown = {}) {
  const reply = await h.raw(channel, input);
  if (reply.ok) throw new Error(`${channel} succeeded, an error was expected`);
  return reply.error;
}

export const jobState = (h: ServiceHarness, id: string) => h.engine.queue.get(id)?.state;
export const isFinished = (h: ServiceHarness, id: string) => () =>
  ['done', 'failed', 'expired', 'needs_attention', 'stopped'].includes(jobState(h, id) ?? '');
