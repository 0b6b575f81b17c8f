import type { Job } from '../../../shared/domain/job.js';
import { estimateCost, type CostEstimateResult, type CostRequest, type PriceTable } from '../../../shared/domain/prices.js';
import type { SpendSummary } from '../../../shared/ipc/views.js';
import { scanLibrary } from '../library/scanner.js';
import { silentLogger, type Clock, type Logger } from '../ports.js';
import { BalanceMemo } from './balance-memo.js';
import { approvalOf, balanceError, balanceTooLow, capError, checkCaps, type BudgetCaps, type CapCheck, type KnownBalance } from './budget.js';
import type { BudgetGate, BudgetVerdict } from './budget-gate.js';
import { localCalendar, type Calendar } from './calendar.js';
import { SpendingLedger, type LedgerLoadReport } from './ledger.js';
import type { LedgerSidecar } from './ledger-rebuild.js';
import { spentAround, summarizeSpending } from './spend-summary.js';

/**
 * Keyframe's money, in one place for the queue, the services and the CLI:
 * the price table in use, the spending ledger, the caps and the last known
 * balance. As the queue's BudgetGate it decides, one job at a time, whether a
 * queued live job may be sent: two jobs checked at once would each see the
 * other's money as unspent and could pass a cap together.
 */

export interface MoneyOptions {
  dataDir: string;
  clock: Clock;
  /** The price table in use (bundled, or the provider's list: see PriceBook). */
  prices: () => PriceTable;
  /** The caps in the settings, read at every check: a raised cap applies at once. */
  caps: () => BudgetCaps;
  /** The queue's jobs, for rebuilding and reconciling the ledger. */
  jobs: () => readonly Job[];
  /** The output folders, whose sidecars a rebuild reads. */
  sidecarDirs: () => readonly string[];
  /**
   * The sidecars as something already holds them (the library index, once its
   * check of the folders is done), so a rebuild does not read and validate
   * every file again; undefined: the folders are read.
   */
  sidecars?: () => Promise<readonly LedgerSidecar[] | undefined>;
  calendar?: Calendar;
  logger?: Logger;
  maxLedgerEntries?: number;
  /** Never writes the ledger (the CLI's read-only commands). */
  readOnly?: boolean;
}

/** A check without sending anything: what `keyframe generate --dry-run` prints. */
export interface BudgetPreview {
  estimate: CostEstimateResult;
  check: CapCheck;
  balance?: KnownBalance;
  verdict: BudgetVerdict;
}

const SEND: BudgetVerdict = { kind: 'send' };

export class Money implements BudgetGate {
  readonly ledger: SpendingLedger;
  readonly balance = new BalanceMemo();
  readonly calendar: Calendar;
  private opened?: Promise<LedgerLoadReport>;
  private lane: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: MoneyOptions) {
    this.calendar = opts.calendar ?? localCalendar;
    this.ledger = new SpendingLedger({
      dataDir: opts.dataDir,
      clock: opts.clock,
      calendar: this.calendar,
      estimate: (request) => this.estimate(request),
      logger: opts.logger ?? silentLogger,
      ...(opts.maxLedgerEntries === undefined ? {} : { maxEntries: opts.maxLedgerEntries }),
      ...(opts.readOnly ? { readOnly: true } : {}),
    });
  }

  /** Loads the ledger once (rebuilding it when missing or damaged); later calls share the first. */
  open(): Promise<LedgerLoadReport> {
    return (this.opened ??= this.ledger.load({
      jobs: this.opts.jobs,
      sidecars: async () => (await this.opts.sidecars?.()) ?? (await scanLibrary([...this.opts.sidecarDirs()])).entries.map((e) => e.sidecar),
    }));
  }

  /** Follows a job's snapshot into the ledger (the engine wires it to every job change). */
  observe(job: Job): void {
    this.ledger.observe(job);
  }

  estimate(request: CostRequest): CostEstimateResult {
    return estimateCost(request, this.opts.prices());
  }

  prices(): PriceTable {
    return this.opts.prices();
  }

  stamp(job: Job): Job {
    const e = this.estimate(job.request);
    return { ...job, estimateUsd: e.usd, priceAsOf: e.asOf };
  }

  clear(job: Job): Promise<BudgetVerdict> {
    if (job.provider !== 'apimart') return Promise.resolve(SEND);
    return this.serial(async () => {
      await this.open();
      const { verdict } = await this.decide(job.estimateUsd ?? this.estimate(job.request).usd, job.id, job.approval?.approvedAt !== undefined);
      if (verdict.kind === 'send') this.ledger.markSent(job.id, this.opts.clock.now());
      return verdict;
    });
  }

  releasable(held: readonly Job[]): Promise<string[]> {
    return this.serial(async () => {
      await this.open();
      const ids: string[] = [];
      let released = 0;
      for (const job of held) {
        if (job.provider !== 'apimart') continue;
        const estimateUsd = job.estimateUsd ?? this.estimate(job.request).usd;
        // Each job let go counts against the next: they will all be sent.
        const check = this.capCheck(estimateUsd, job.id, released);
        if (check.exceeded.length > 0) continue;
        ids.push(job.id);
        released += estimateUsd;
      }
      return ids;
    });
  }

  /** What submitting `request` would meet now, without queueing or counting anything. */
  async preview(request: CostRequest, provider: Job['provider']): Promise<BudgetPreview> {
    const estimate = this.estimate(request);
    return { estimate, ...(await this.previewAmount(estimate.usd, provider)) };
  }

  /**
   * What sending `estimateUsd` more would meet now (a batch's total): the caps against today's and this
   * month's spending, and the balance. Nothing is queued or counted; the demo provider meets no cap.
   */
  previewAmount(estimateUsd: number, provider: Job['provider']): Promise<Omit<BudgetPreview, 'estimate'>> {
    if (provider !== 'apimart') return Promise.resolve({ check: checkCaps({ estimateUsd, spentTodayUsd: 0, spentMonthUsd: 0, caps: {} }), verdict: SEND });
    return this.serial(async () => {
      await this.open();
      return this.decide(estimateUsd, undefined, false);
    });
  }

  summary(opts: { month?: string } = {}): SpendSummary {
    const caps = this.opts.caps();
    return summarizeSpending(this.ledger.spending(), {
      ...(opts.month ? { month: opts.month } : {}),
      caps: { ...(caps.dailyUsd === undefined ? {} : { dailyUsd: caps.dailyUsd }), ...(caps.monthlyUsd === undefined ? {} : { monthlyUsd: caps.monthlyUsd }) },
    });
  }

  /** Waits for the ledger's writes. */
  async close(): Promise<void> {
    await this.lane.catch(() => undefined);
    await this.ledger.flush();
  }

  /** The balance first (the provider would refuse the job anyway), then the caps unless the person approved this job. */
  private async decide(estimateUsd: number, jobId: string | undefined, approved: boolean): Promise<{ check: CapCheck; balance?: KnownBalance; verdict: BudgetVerdict }> {
    const check = this.capCheck(estimateUsd, jobId, 0);
    const balance = await this.balance.recent(() => this.opts.clock.now());
    const known = balance ? { balance } : {};
    if (balanceTooLow(estimateUsd, balance)) return { check, ...known, verdict: { kind: 'refuse', error: balanceError(estimateUsd, balance) } };
    if (!approved && check.exceeded.length > 0) {
      return { check, ...known, verdict: { kind: 'hold', approval: approvalOf(check, this.opts.clock.now()), error: capError(check) } };
    }
    return { check, ...known, verdict: SEND };
  }

  /** The caps against what is spent today and this month, the job itself left out, plus `extraUsd` about to be sent. */
  private capCheck(estimateUsd: number, jobId: string | undefined, extraUsd: number): CapCheck {
    const day = this.calendar.dayOf(this.opts.clock.now());
    const spent = spentAround(this.ledger.spending(), day, jobId);
    return checkCaps({ estimateUsd, spentTodayUsd: spent.dayUsd + extraUsd, spentMonthUsd: spent.monthUsd + extraUsd, caps: this.opts.caps() });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lane.then(fn);
    this.lane = run.catch(() => undefined);
    return run;
  }
}
