import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BUNDLED_PRICE_TABLE, PriceTableSchema, type PriceTable } from '../../../shared/domain/prices.js';
import { readReplyText } from '../apimart/reply-body.js';
import { silentLogger, type Clock, type FetchLike, type Logger, type TimerHandle } from '../ports.js';
import { writeJsonAtomic } from '../util/atomic-write.js';
import { localCalendar, type Calendar } from './calendar.js';
import { parsePriceList } from './price-feed.js';

/**
 * The price table in use: the bundled one, or the provider's public list when
 * Keyframe could fetch it (at start and once a day), cached in the data folder
 * with its date so the next start (and the CLI) use it too. Fetching is best
 * effort and silent: any failure (offline, an unreadable or implausible list)
 * keeps the table in use and writes one log line. The list is fetched with
 * the plain fetch port and no headers of ours: the API key never goes there.
 */

export const PRICE_CACHE_FILE = 'prices.json';
export const PRICE_REFRESH_MS = 24 * 3600_000;
/** The list is a few kB; a reply past this is not it, and is not read into memory. */
export const PRICE_LIST_MAX_BYTES = 1024 * 1024;
export const PRICE_FETCH_TIMEOUT_MS = 15_000;

const CacheSchema = z.object({ schema: z.literal('keyframe.prices/1'), table: PriceTableSchema });

export interface PriceBookOptions {
  dataDir: string;
  clock: Clock;
  /** The plain fetch for public files (never the API client). */
  fetch?: FetchLike;
  /** The provider's list; without it nothing is fetched (the cached or bundled table is used). */
  url?: string;
  calendar?: Calendar;
  logger?: Logger;
}

export class PriceBook {
  private table: PriceTable = BUNDLED_PRICE_TABLE;
  private timer?: TimerHandle;
  private closed = false;
  private readonly log: Logger;
  private readonly calendar: Calendar;

  constructor(private readonly opts: PriceBookOptions) {
    this.log = opts.logger ?? silentLogger;
    this.calendar = opts.calendar ?? localCalendar;
  }

  current(): PriceTable {
    return this.table;
  }

  /** Takes the cached list when there is a valid one; anything else keeps the bundled table. */
  async load(): Promise<PriceTable> {
    try {
      const cached = CacheSchema.safeParse(JSON.parse(await readFile(this.cachePath(), 'utf8')));
      if (cached.success && cached.data.table.source === 'fetched') this.table = cached.data.table;
      else this.log.log('info', 'the cached price list was not usable; using the bundled prices');
    } catch {
      // No cache yet (or unreadable): the bundled table stands.
    }
    return this.table;
  }

  /** Fetches the provider's list; true when it replaced the table in use. Never throws. */
  async refresh(): Promise<boolean> {
    const { url, fetch } = this.opts;
    if (!url || !fetch || this.closed) return false;
    const controller = new AbortController();
    const timer = this.opts.clock.setTimeout(() => controller.abort(), PRICE_FETCH_TIMEOUT_MS);
    try {
      const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal: controller.signal });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        this.log.log('info', 'the price list could not be fetched; keeping the prices in use', { status: res.status });
        return false;
      }
      const parsed = parsePriceList(JSON.parse(await readReplyText(res, PRICE_LIST_MAX_BYTES)));
      if (!parsed) {
        this.log.log('info', 'the price list was not readable as a complete table; keeping the prices in use');
        return false;
      }
      const now = this.opts.clock.now();
      const table: PriceTable = { asOf: parsed.asOf ?? this.calendar.dayOf(now), source: 'fetched', fetchedAt: now, grid: parsed.grid };
      this.table = table;
      await writeJsonAtomic(this.cachePath(), { schema: 'keyframe.prices/1', table }).catch((err: unknown) =>
        this.log.log('warn', 'the fetched price list could not be cached', { error: err instanceof Error ? err.message : String(err) }),
      );
      this.log.log('info', 'price list refreshed', { asOf: table.asOf });
      return true;
    } catch (err) {
      this.log.log('info', 'the price list could not be fetched; keeping the prices in use', { error: err instanceof Error ? err.message : String(err) });
      return false;
    } finally {
      this.opts.clock.clearTimeout(timer);
    }
  }

  /** Refreshes now and then once a day until close(). */
  start(): Promise<boolean> {
    const run = this.refresh();
    void run.finally(() => this.schedule());
    return run;
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.closed || !this.opts.url) return;
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = undefined;
      void this.refresh().finally(() => this.schedule());
    }, PRICE_REFRESH_MS);
  }

  private cachePath(): string {
    return join(this.opts.dataDir, PRICE_CACHE_FILE);
  }
}
