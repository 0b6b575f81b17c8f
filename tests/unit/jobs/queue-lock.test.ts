import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootId, processStart } from '../../../electron/core/jobs/process-identity.js';
import { LOCK_DIR_NAME, QueueLockedError, acquireQueueLock } from '../../../electron/core/jobs/queue-lock.js';
import type { LockCommand, LockReply } from '../../support/queue-lock-worker.js';

const WORKER = join(import.meta.dirname, '..', '..', 'support', 'queue-lock-worker.ts');

/** A process taking locks on command; see tests/support/queue-lock-worker.ts. */
class LockWorker {
  private nextId = 1;
  private readonly waiting = new Map<number, (r: LockReply) => void>();
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;

  constructor(readonly child: ChildProcess) {
    this.ready = new Promise((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (r: LockReply) => {
        if (r.result === 'ready') resolve();
        this.waiting.get(r.id)?.(r);
        this.waiting.delete(r.id);
      });
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static start(): LockWorker {
    return new LockWorker(fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  }

  send(op: LockCommand['op'], dir: string): Promise<LockReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ op, id, dir } satisfies LockCommand);
    });
  }

  /** SIGKILL, as a crash would: nothing is released. Resolves once the process is reaped. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

let root: string;
const workers: LockWorker[] = [];
const startWorkers = async (n: number) => {
  const started = Array.from({ length: n }, () => LockWorker.start());
  workers.push(...started);
  await Promise.all(started.map((w) => w.ready));
  return started;
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-lock-'));
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill()));
  await rm(root, { recursive: true, force: true });
});

const lockError = async (dataDir: string): Promise<QueueLockedError> => {
  try {
    await acquireQueueLock(dataDir);
  } catch (err) {
    if (err instanceof QueueLockedError) return err;
    throw err;
  }
  throw new Error('the lock was taken, a QueueLockedError was expected');
};

const recordsIn = async (dataDir: string) => (await readdir(join(dataDir, LOCK_DIR_NAME))).filter((n) => /^\d+$/.test(n)).sort();

/** Writes the top lock record of `dataDir` by hand (damaged files, other processes' identities). */
const writeTopRecord = async (dataDir: string, text: string) => {
  await mkdir(join(dataDir, LOCK_DIR_NAME), { recursive: true });
  await writeFile(join(dataDir, LOCK_DIR_NAME, '000000000007'), text);
};

describe('queue lock between processes', () => {
  it('processes racing for the same stale lock: exactly one wins, in every trial', async () => {
    const TRIALS = 40;
    const dirs = Array.from({ length: TRIALS }, (_, i) => join(root, `data-${i}`));
    // A process takes every lock and dies without releasing: the stale locks a crash leaves.
    const [crashed] = await startWorkers(1);
    for (const dir of dirs) expect((await crashed!.send('acquire', dir)).result).toBe('won');
    await crashed!.kill();
    workers.splice(workers.indexOf(crashed!), 1);

    const racers = await startWorkers(4);
    const outcomes: string[] = [];
    const errors: string[] = [];
    for (const dir of dirs) {
      const replies = await Promise.all(racers.map((w) => w.send('acquire', dir)));
      for (const r of replies) if (r.result === 'error') errors.push(r.detail ?? '');
      outcomes.push(replies.map((r) => r.result).sort().join(','));
    }
    expect(outcomes, errors.join('\n')).toEqual(Array.from({ length: TRIALS }, () => 'locked,locked,locked,won'));
  }, 90_000);

  it('a live holder blocks; the error names its pid and its lock file; once released the lock is free', async () => {
    const [holder] = await startWorkers(1);
    const dataDir = join(root, 'data');
    expect((await holder!.send('acquire', dataDir)).result).toBe('won');
    const err = await lockError(dataDir);
    expect(err.pid).toBe(holder!.child.pid);
    expect(existsSync(err.lockFile)).toBe(true);
    expect(err.lockFile.startsWith(join(dataDir, LOCK_DIR_NAME))).toBe(true);
    expect(err.message).toContain(`pid ${holder!.child.pid}`);
    expect(err.message).toContain(err.lockFile);
    expect(JSON.parse(await readFile(err.lockFile, 'utf8'))).toMatchObject({ state: 'held', pid: holder!.child.pid });

    expect((await holder!.send('release', dataDir)).result).toBe('released');
    const release = await acquireQueueLock(dataDir);
    await release();
  });

  it('a lock left by a killed process is taken over', async () => {
    const [holder] = await startWorkers(1);
    const dataDir = join(root, 'data');
    expect((await holder!.send('acquire', dataDir)).result).toBe('won');
    await holder!.kill();
    workers.splice(workers.indexOf(holder!), 1);
    const release = await acquireQueueLock(dataDir);
    await release();
  });
});

describe('queue lock records', () => {
  it.each([
    ['empty', ''],
    ['cut short', '{"state":"held","pid":1'],
    ['not a record', '{"hello":"world"}'],
  ])('a damaged top record (%s) names no live holder and is taken over', async (_what, text) => {
    const dataDir = join(root, 'data');
    await writeTopRecord(dataDir, text);
    const release = await acquireQueueLock(dataDir);
    expect(await recordsIn(dataDir)).toEqual(['000000000008']);
    await release();
  });

  it.runIf(process.platform === 'linux')('a record naming a running pid with another start time (a reused pid) is taken over', async () => {
    const dataDir = join(root, 'data');
    const pid = process.ppid;
    const start = processStart(pid);
    expect(start).toBeDefined();
    const record = { state: 'held', pid, boot: bootId(), nonce: 'n', at: '' };
    await writeTopRecord(dataDir, JSON.stringify({ ...record, start }));
    expect((await lockError(dataDir)).pid).toBe(pid);

    await writeTopRecord(dataDir, JSON.stringify({ ...record, start: String(Number(start) + 1) }));
    const release = await acquireQueueLock(dataDir);
    await release();
  });

  it.runIf(process.platform === 'linux')('a record from an earlier boot is taken over even if its pid and start time match a running process', async () => {
    const dataDir = join(root, 'data');
    const pid = process.ppid;
    await writeTopRecord(dataDir, JSON.stringify({ state: 'held', pid, start: processStart(pid), boot: 'an-earlier-boot', nonce: 'n', at: '' }));
    const release = await acquireQueueLock(dataDir);
    await release();
  });

  it('release leaves one "free" record; taking and releasing again does not pile records up', async () => {
    const dataDir = join(root, 'data');
    for (let i = 0; i < 5; i++) await (await acquireQueueLock(dataDir))();
    const records = await recordsIn(dataDir);
    expect(records).toEqual(['000000000010']);
    expect(JSON.parse(await readFile(join(dataDir, LOCK_DIR_NAME, records[0]!), 'utf8'))).toMatchObject({ state: 'free', pid: process.pid });
    expect((await readdir(join(dataDir, LOCK_DIR_NAME))).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });
});
