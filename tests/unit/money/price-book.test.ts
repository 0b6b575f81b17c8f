import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_PRICE_TABLE } from '../../../shared/domain/prices.js';
import { fixedOffsetCalendar } from '../../../electron/core/money/calendar.js';
import { PRICE_CACHE_FILE, PRICE_REFRESH_MS, PriceBook } from '../../../electron/core/money/price-book.js';
import { FakeClock } from '../../support/fake-clock.js';
import { FETCHED_FAST_720P, flatKeysShape, rowsShape } from './price-shapes.js';
import { startPriceServer, type PriceServer } from './price-server.js';

/** The price table in use: the provider's list when it can be fetched (and cached), else the bundled one, silently. */

let server: PriceServer;
let dataDir: string;
const clock = new FakeClock(Date.UTC(2026, 9, 5, 12));
/** A book on the test's list (or, with `offline`, with no list URL at all). */
const book = (mode: 'online' | 'offline' = 'online') =>
  new PriceBook({ dataDir, clock, fetch: (input, init) => fetch(input, init), ...(mode === 'online' ? { url: server.url } : {}), calendar: fixedOffsetCalendar(0) });

/** The rows shape with every figure a hundred times larger: a list read in cents. */
function inCents(): unknown {
  const rows = structuredClone(rowsShape()) as { data: { prices: { price: number }[] }[] };
  for (const m of rows.data) for (const p of m.prices) p.price *= 100;
  return rows;
}

beforeEach(async () => {
  server = await startPriceServer();
  dataDir = await mkdtemp(join(tmpdir(), 'keyframe-prices-'));
});
afterEach(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('PriceBook', () => {
  it('starts on the bundled table and stays there when no list URL is configured', async () => {
    const b = book('offline');
    expect(await b.load()).toBe(BUNDLED_PRICE_TABLE);
    expect(await b.refresh()).toBe(false);
    expect(b.current()).toBe(BUNDLED_PRICE_TABLE);
    expect(server.requests).toEqual([]);
  });

  it('takes a fetched list with its date, caches it, and the next start uses the cache', async () => {
    server.reply({ json: rowsShape() });
    const b = book();
    await b.load();
    expect(await b.refresh()).toBe(true);
    expect(b.current()).toMatchObject({ asOf: '2026-10-02', source: 'fetched', fetchedAt: clock.now() });
    expect(b.current().grid['veo3.1-fast-official']['720p']).toEqual(FETCHED_FAST_720P);
    const cached = JSON.parse(await readFile(join(dataDir, PRICE_CACHE_FILE), 'utf8')) as { table: unknown };
    expect(cached.table).toEqual(b.current());

    const restarted = book('offline');
    expect(await restarted.load()).toEqual(b.current());
  });

  it('dates a list that gives no date by the day it was fetched', async () => {
    server.reply({ json: flatKeysShape() });
    const b = book();
    expect(await b.refresh()).toBe(true);
    expect(b.current().asOf).toBe('2026-10-05');
  });

  it.each([
    ['a server error', { status: 500, body: 'oops' }],
    ['not JSON', { status: 200, body: '<html>maintenance</html>' }],
    ['an incomplete list', { json: { data: [{ model: 'veo3.1-fast-official', prices: [{ resolution: '720p', audio: false, price: 0.05 }] }] } }],
    ['a list in cents', { json: inCents() }],
  ] as const)('keeps the table in use on %s, silently', async (_name, reply) => {
    server.reply(reply);
    const b = book();
    await b.load();
    expect(await b.refresh()).toBe(false);
    expect(b.current()).toBe(BUNDLED_PRICE_TABLE);
    await expect(readFile(join(dataDir, PRICE_CACHE_FILE))).rejects.toThrow();
  });

  it('keeps a previously fetched table when a later refresh fails, and when nothing answers at all', async () => {
    server.reply({ json: rowsShape() });
    const b = book();
    await b.refresh();
    const fetched = b.current();
    server.reply({ status: 503, body: 'down' });
    expect(await b.refresh()).toBe(false);
    expect(b.current()).toBe(fetched);
    const unreachable = new PriceBook({ dataDir, clock, fetch: () => Promise.reject(new TypeError('fetch failed')), url: server.url });
    await unreachable.load();
    expect(await unreachable.refresh()).toBe(false);
    expect(unreachable.current()).toEqual(fetched);
  });

  it('ignores a damaged cache', async () => {
    await writeFile(join(dataDir, PRICE_CACHE_FILE), '{"schema":"keyframe.prices/1","table":{"asOf":"x"}}');
    expect(await book('offline').load()).toBe(BUNDLED_PRICE_TABLE);
  });

  it('never sends a key or any credential: the list is fetched as a public file', async () => {
    server.reply({ json: rowsShape() });
    await book().refresh();
    expect(server.requests).toHaveLength(1);
    const headers = server.requests[0]?.headers ?? {};
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(Object.keys(headers).filter((h) => /key|token|auth/i.test(h))).toEqual([]);
  });

  it('refreshes at start and then once a day until closed', async () => {
    server.reply({ json: rowsShape() });
    const b = book();
    await b.start();
    // The next refresh is armed once the first has settled.
    await vi.waitFor(() => expect(clock.pending()).toBe(1), { timeout: 10_000 });
    expect(server.requests).toHaveLength(1);
    clock.advance(PRICE_REFRESH_MS - 1);
    expect(server.requests).toHaveLength(1);
    clock.advance(1);
    await vi.waitFor(() => expect(server.requests).toHaveLength(2), { timeout: 10_000 });
    await vi.waitFor(() => expect(clock.pending()).toBe(1), { timeout: 10_000 });
    b.close();
    expect(clock.pending()).toBe(0);
  });
});
