import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job } from '../../../shared/domain/job.js';
import { roundUsd } from '../../../shared/domain/prices.js';
import { silentLogger, type Clock, type Logger } from '../ports.js';
import { errnoCode } from '../util/fs-errors.js';
import type { Calendar } from './calendar.js';
import { counts, entryFromJob, markSent, momentOf, sameEntry, spentOf, type ArchivedDay, type LedgerEntry } from './ledger-entry.js';
import { LEDGER_FILE, appendLedgerLines, entryLine, moveLedgerAside, readLedgerFile, writeLedgerFile } from './ledger-file.js';
import { rebuildEntries, type EstimateOf, type LedgerSidecar } from './ledger-rebuild.js';
import type { SpendingInput } from './spend-summary.js';

/**
 * The spending ledger: one entry per live job (its estimate, whether it was
 * sent, what it was charged), kept in memory and in `<data>/spending.jsonl`.
 * Entries follow the jobs' own snapshots (observe), so the journal is the
 * truth and the ledger its money view: at load every journal job is observed
 * again, which brings back a change a crash kept off the disk.
 *
 * Bounded: past `maxEntries` the oldest finished entries are folded into
 * per-day totals, which keep the day's, the month's and all time's sums.
 * A damaged file is moved aside (kept) and the ledger rebuilt from the
 * journal and the sidecars; a missing one is rebuilt the same way.
 */

export const LEDGER_MAX_ENTRIES = 10_000;

export interface LedgerOptions {
  dataDir: string;
  clock: Clock;
  calendar: Calendar;
  /** Prices a job that was journaled without an estimate. */
  estimate: EstimateOf;
  logger?: Logger;
  maxEntries?: number;
  /** Reads and sums only; never writes the file (the CLI's read-only commands, while the app may be running). */
  readOnly?: boolean;
}

/** What a rebuild reads. */
export interface LedgerSources {
  jobs(): readonly Job[];
  sidecars(): Promise<readonly LedgerSidecar[]>;
}

export interface LedgerLoadReport {
  /** The ledger was rebuilt from the journal and the sidecars. */
  rebuilt: boolean;
  /** Where a damaged ledger was moved. */
  movedTo?: string;
  reason?: string;
}

export class SpendingLedger {
  private entries = new Map<string, LedgerEntry>();
  private archived = new Map<string, ArchivedDay>();
  /** Jobs created at or before this were folded into `archived` (or never live): they are not entered again. */
  private archivedThrough = Number.NEGATIVE_INFINITY;
  private lines = 0;
  private pending = '';
  private rewrite = false;
  private writes: Promise<void> = Promise.resolve();
  private loaded = false;
  readonly path: string;
  private readonly log: Logger;
  private readonly maxEntries: number;

  constructor(private readonly opts: LedgerOptions) {
    this.path = join(opts.dataDir, LEDGER_FILE);
    this.log = opts.logger ?? silentLogger;
    this.maxEntries = Math.max(1, opts.maxEntries ?? LEDGER_MAX_ENTRIES);
  }

  async load(sources: LedgerSources): Promise<LedgerLoadReport> {
    const now = this.opts.clock.now();
    let report: LedgerLoadReport = { rebuilt: false };
    let read;
    try {
      read = await readLedgerFile(this.path);
    } catch (err) {
      read = { kind: 'damaged' as const, reason: `the file could not be read (${errnoCode(err) ?? String(err)})` };
    }
    if (read.kind === 'ok') {
      this.entries = read.contents.entries;
      this.archived = read.contents.archived;
      this.archivedThrough = Math.max(Number.NEGATIVE_INFINITY, ...[...this.archived.values()].map((d) => d.throughCreatedAt));
      this.lines = read.contents.lines;
      this.rewrite = read.contents.torn;
    } else {
      if (read.kind === 'damaged' && !this.opts.readOnly) {
        const movedTo = await moveLedgerAside(this.path, now).catch(() => undefined);
        report = { rebuilt: true, reason: read.reason, ...(movedTo ? { movedTo } : {}) };
        this.log.log('error', 'the spending ledger was damaged; it was moved aside and rebuilt from the job journal and the sidecars', {
          reason: read.reason,
          movedTo,
        });
      } else {
        report = { rebuilt: true, ...(read.kind === 'damaged' ? { reason: read.reason } : {}) };
      }
      for (const e of rebuildEntries(sources.jobs(), await sources.sidecars(), this.opts.estimate)) this.entries.set(e.jobId, e);
      this.rewrite = true;
    }
    this.loaded = true;
    // The journal holds each job's latest state: changes a crash kept out of the ledger come back here.
    for (const job of sources.jobs()) this.observe(job);
    this.fold();
    if (!this.opts.readOnly) {
      await mkdir(this.opts.dataDir, { recursive: true }).catch(() => undefined);
      this.scheduleWrite();
      await this.flush();
    }
    return report;
  }

  isLoaded(): boolean {
    return this.loaded;
  }

  /** Follows a job's latest snapshot. Only live jobs: the demo provider charges nothing. */
  observe(job: Job): void {
    if (!this.loaded || job.provider !== 'apimart') return;
    const prev = this.entries.get(job.id);
    if (!prev && job.createdAt <= this.archivedThrough) return;
    const next = entryFromJob(job, prev, this.opts.clock.now(), () => this.opts.estimate(job.request));
    this.put(prev, next);
  }

  /** The job was cleared to be sent: from now on it counts at its estimate. */
  markSent(jobId: string, at: number): void {
    const prev = this.entries.get(jobId);
    if (prev) this.put(prev, markSent(prev, at));
  }

  get(jobId: string): LedgerEntry | undefined {
    return this.entries.get(jobId);
  }

  list(): LedgerEntry[] {
    return [...this.entries.values()];
  }

  archivedDays(): ArchivedDay[] {
    return [...this.archived.values()];
  }

  /** The ledger as the sums read it (spend-summary.ts). */
  spending(): SpendingInput {
    return { entries: this.entries.values(), archived: this.archived.values(), calendar: this.opts.calendar, now: this.opts.clock.now() };
  }

  /** Resolves once every change so far is on disk (or its write failed and was logged). */
  flush(): Promise<void> {
    return this.writes;
  }

  private put(prev: LedgerEntry | undefined, next: LedgerEntry): void {
    if (sameEntry(prev, next)) return;
    this.entries.set(next.jobId, next);
    if (this.opts.readOnly) return;
    // Past the bound, the next write folds the oldest settled entries and rewrites the file.
    if (this.entries.size > this.maxEntries) this.rewrite = true;
    this.pending += entryLine(next);
    this.scheduleWrite();
  }

  private scheduleWrite(): void {
    this.writes = this.writes.then(() => this.writeOut());
  }

  /** Appends what is pending, or rewrites the whole file when it grew long or a write failed. Never throws. */
  private async writeOut(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    const tooLong = this.lines > 2 * this.entries.size + this.archived.size + 1000;
    try {
      if (this.rewrite || tooLong) {
        this.fold();
        this.rewrite = false;
        await writeLedgerFile(this.path, this.entries.values(), this.archived.values());
        this.lines = this.entries.size + this.archived.size;
      } else if (text !== '') {
        await appendLedgerLines(this.path, text);
        this.lines += text.split('\n').length - 1;
      }
    } catch (err) {
      // The sums stay right in memory; the next write replaces the whole file with them.
      this.rewrite = true;
      this.log.log('error', 'the spending ledger could not be written; it is written in full at the next change', {
        error: errnoCode(err) ?? (err instanceof Error ? err.message : String(err)),
      });
    }
  }

  /** Folds the oldest finished entries into day totals until at most maxEntries remain. */
  private fold(): void {
    if (this.entries.size <= this.maxEntries) return;
    const oldest = [...this.entries.values()].sort((a, b) => a.createdAt - b.createdAt || (a.jobId < b.jobId ? -1 : 1));
    let excess = this.entries.size - this.maxEntries;
    for (const e of oldest) {
      if (excess <= 0) break;
      // A job still waiting or on its way may yet change; only a settled one is folded.
      if (e.status === 'waiting' || e.status === 'estimated') continue;
      this.entries.delete(e.jobId);
      excess--;
      this.archivedThrough = Math.max(this.archivedThrough, e.createdAt);
      const day = this.opts.calendar.dayOf(momentOf(e));
      const acc = this.archived.get(day) ?? { day, chargedUsd: 0, estimatedUsd: 0, jobs: 0, throughCreatedAt: e.createdAt };
      const s = spentOf(e);
      this.archived.set(day, {
        day,
        chargedUsd: roundUsd(acc.chargedUsd + s.chargedUsd),
        estimatedUsd: roundUsd(acc.estimatedUsd + s.estimatedUsd),
        jobs: acc.jobs + (counts(e) ? 1 : 0),
        throughCreatedAt: Math.max(acc.throughCreatedAt, e.createdAt),
      });
    }
  }
}
