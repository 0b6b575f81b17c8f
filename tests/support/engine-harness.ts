import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GenerationRequestInput } from '../../shared/domain/generation.js';
import type { Job } from '../../shared/domain/job.js';
import { startFakeApimart, type FakeApimart, type FakeApimartOptions } from '../../electron/core/demo/fake-apimart.js';
import { createEngine, type Engine, type EngineMoneyOptions } from '../../electron/core/engine.js';
import { socketHttpGet } from '../../electron/core/library/socket-http-get.js';
import type { HttpGet } from '../../electron/core/ports.js';
import type { RecoveryReport } from '../../electron/core/jobs/job-queue.js';
import { createRedactingLogger, type LogLine } from '../../electron/core/util/redact.js';
import { FakeClock } from './fake-clock.js';

export const TEST_KEY = 'sk-test-key-4f9a1c2e8b7d';

export interface Harness {
  fake: FakeApimart;
  clock: FakeClock;
  engine: Engine;
  dataDir: string;
  outDir: string;
  logs: LogLine[];
  /** Every outgoing request the engine made (URL + headers), from its fetch and httpGet ports. */
  requests: EngineRequest[];
  /** What `queue.start()` reported for the current engine (updated by restart()). */
  recovery: RecoveryReport;
  submit(req: GenerationRequestInput, opts?: { provider?: 'apimart' | 'demo' }): Promise<Job>;
  /** Runs the queue on the fake clock until `done()` holds; fails if nothing is left to run. */
  drive(done: () => boolean, maxSteps?: number): Promise<void>;
  job(id: string): Job;
  /** Closes the engine (not the fake) and opens a fresh one on the same folders: a restart. */
  restart(): Promise<RecoveryReport>;
  close(): Promise<void>;
}

export interface EngineRequest {
  url: string;
  headers: Record<string, string>;
  method: string;
  /** The request body when it was a string (JSON submits), byte for byte. */
  body?: string;
  /** Fake-clock time the request was made at. */
  at: number;
  /** HTTP status of the reply, once headers arrived (absent for dropped connections). */
  status?: number;
}

export interface HarnessOptions {
  fake?: FakeApimartOptions;
  concurrency?: number;
  stallTimeoutMs?: number;
  random?: () => number;
  /** Reuse folders (for restart tests across harnesses). */
  dataDir?: string;
  /** The person's language, read at each task query (the settings' language in the app). */
  language?: () => string;
  /** Estimates, the spending ledger and the caps (core/money); the ledger is opened after the queue starts. */
  money?: EngineMoneyOptions;
}

export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const clock = new FakeClock();
  const fake = await startFakeApimart({ apiKey: TEST_KEY, clock, ...opts.fake });
  const root = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'keyframe-test-')));
  const dataDir = join(root, 'data');
  const outDir = join(root, 'out');
  const logs: LogLine[] = [];
  const requests: Harness['requests'] = [];
  const recordingFetch = (input: string, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const body = typeof init?.body === 'string' ? { body: init.body } : {};
    const record: EngineRequest = { url: input, headers, method: init?.method ?? 'GET', at: clock.now(), ...body };
    requests.push(record);
    return fetch(input, init).then((res) => {
      record.status = res.status;
      return res;
    });
  };
  const recordingGet: HttpGet = (url, init) => {
    const record: EngineRequest = { url, headers: { ...init.headers }, method: 'GET', at: clock.now() };
    requests.push(record);
    return socketHttpGet(url, init).then((res) => {
      if (res.statusCode !== undefined) record.status = res.statusCode;
      return res;
    });
  };
  const open = () =>
    createEngine({
      dataDir,
      libraryDirs: [outDir],
      apiKey: async () => TEST_KEY,
      baseUrl: fake.apiUrl,
      demo: { baseUrl: fake.apiUrl },
      fetch: recordingFetch,
      httpGet: recordingGet,
      clock,
      random: opts.random ?? (() => 0.5),
      logger: createRedactingLogger((l) => logs.push(l), () => [TEST_KEY], clock),
      concurrency: opts.concurrency ?? 3,
      appVersion: '0.0.0-test',
      stallTimeoutMs: opts.stallTimeoutMs ?? 30_000,
      ...(opts.language ? { language: opts.language } : {}),
      ...(opts.money ? { money: opts.money } : {}),
    });
  let engine = open();
  let recovery = await engine.queue.start();
  await engine.library.load();
  await engine.money?.open();

  const h: Harness = {
    fake,
    clock,
    get engine() {
      return engine;
    },
    get recovery() {
      return recovery;
    },
    dataDir,
    outDir,
    logs,
    requests,
    submit: (req, o) => engine.queue.submit(req, { provider: o?.provider ?? 'apimart', outputDir: outDir, nameTemplate: '{prompt}_{id}' }),
    async drive(done, maxSteps = 2000) {
      for (let i = 0; i < maxSteps; i++) {
        await engine.queue.settled();
        if (done()) return;
        if (!clock.runNext()) throw new Error('stuck: the condition is not met and no timer is pending');
      }
      throw new Error(`condition not met after ${maxSteps} steps`);
    },
    job(id) {
      const j = engine.queue.get(id);
      if (!j) throw new Error(`no job ${id}`);
      return j;
    },
    async restart() {
      await engine.queue.close();
      await engine.money?.close();
      engine = open();
      recovery = await engine.queue.start();
      await engine.library.load();
      await engine.money?.open();
      return recovery;
    },
    async close() {
      await engine.queue.close();
      await engine.money?.close();
      await fake.close();
      if (!opts.dataDir) await rm(root, { recursive: true, force: true });
    },
  };
  return h;
}

export const finished = (h: Harness, id: string) => () => ['done', 'failed', 'expired', 'needs_attention', 'stopped'].includes(h.job(id).state);
