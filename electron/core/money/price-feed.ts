import { z } from 'zod';
import { MODELS, RESOLUTIONS, type Model, type Resolution } from '../../../shared/domain/generation.js';
import { BUNDLED_PRICE_TABLE, PriceGridSchema, rateFor, type PriceGrid } from '../../../shared/domain/prices.js';

/**
 * Reads the provider's public price list (PRICE_LIST_URL) into a price grid.
 * The list's exact JSON shape is not documented, so this reads the plausible
 * ones and refuses everything else (the caller then keeps the table it has):
 *
 * - where the models are: a bare array; `data`, `models`, `list`, `items` or
 *   `data.models` / `data.list` / `data.items` as an array; or an object keyed
 *   by model id (`{ "veo3.1-fast-official": { … } }`, also under `data`);
 * - a model's id: `model`, `model_id`, `modelId`, `model_name`, `id` or `name`;
 * - its prices, under `prices`, `pricing`, `price`, `tiers` or `price_list`, either
 *   as rows `{ resolution, audio, price }` (audio also `generate_audio`,
 *   `with_audio`, `has_audio`; price also `usd`, `price_usd`, `unit_price`,
 *   `price_per_second`, `per_second`, `value`), or as an object by resolution
 *   whose values are `{ silent, audio }` (also `without_audio`/`no_audio`/`base`
 *   and `with_audio`), or whose keys name the audio tier (`720p_audio`,
 *   `720p+audio`, `720p with audio`);
 * - amounts as numbers or as text (`"0.064"`, `"$0.064"`, `"0.064 USD/s"`);
 *   a row whose `unit` is given and is not per second, or whose `currency`
 *   is not USD, is refused;
 * - the list's date from `updated_at`, `updatedAt`, `last_updated`, `date`,
 *   `as_of`, `asOf` or `effective_date` (ISO text or epoch seconds/ms), at the
 *   top or under `data`; without one, the day it was fetched.
 *
 * Only a complete grid (both models, every resolution, with and without audio)
 * is accepted, and only when every figure is within a factor of
 * PLAUSIBLE_FACTOR of the bundled one: a list read in cents, or per video
 * instead of per second, would otherwise pass a range check and make every
 * estimate and every cap check wrong.
 */

/** How far from the bundled figure a fetched one may be before the list is taken as misread. */
export const PLAUSIBLE_FACTOR = 10;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

const first = (o: Loose, names: readonly string[]): unknown => {
  for (const n of names) if (o[n] !== undefined) return o[n];
  return undefined;
};

/** A price as the list may write it: 0.064, "0.064", "$0.064", "0.064 USD/s". */
const AmountSchema = z.union([
  z.number(),
  z
    .string()
    .max(40)
    .transform((s) => s.trim().replace(/^\$\s*/, '').replace(/\s*(usd|\$)?\s*(\/\s*(s|sec|second))?\s*$/i, ''))
    .pipe(z.string().regex(/^\d+(\.\d+)?$/).transform(Number)),
]);
const amount = (v: unknown): number | undefined => {
  const parsed = AmountSchema.safeParse(v);
  return parsed.success && Number.isFinite(parsed.data) ? parsed.data : undefined;
};

const AUDIO_FLAGS = ['audio', 'generate_audio', 'with_audio', 'has_audio'] as const;
const PRICE_FIELDS = ['price_per_second', 'per_second', 'price', 'usd', 'price_usd', 'unit_price', 'value'] as const;
const SILENT_FIELDS = ['silent', 'without_audio', 'no_audio', 'base', 'video'] as const;
const AUDIO_FIELDS = ['audio', 'with_audio'] as const;
const RESOLUTION_FIELDS = ['resolution', 'res', 'quality'] as const;

function resolutionOf(v: unknown): Resolution | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  return RESOLUTIONS.find((r) => r.toLowerCase() === s);
}

function audioFlag(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'with' || v === 'yes' || v === 1) return true;
  if (v === 'false' || v === 'without' || v === 'no' || v === 0) return false;
  return undefined;
}

/** A row's unit and currency, when given, must say USD per second. */
function perSecondUsd(row: Loose): boolean {
  const unit = row.unit ?? row.billing_unit;
  if (unit !== undefined && !(typeof unit === 'string' && /(^|[^a-z])(s|sec|secs|second|seconds)$/i.test(unit.trim()))) return false;
  const currency = row.currency;
  return currency === undefined || (typeof currency === 'string' && currency.trim().toUpperCase() === 'USD');
}

type Cells = Map<string, number>;
const cellKey = (resolution: Resolution, audio: boolean): string => `${resolution}|${audio ? 'audio' : 'silent'}`;

function cellsFromRows(rows: unknown[], cells: Cells): void {
  for (const row of rows) {
    if (!isObject(row) || !perSecondUsd(row)) continue;
    const resolution = resolutionOf(first(row, RESOLUTION_FIELDS));
    const audio = audioFlag(first(row, AUDIO_FLAGS));
    const price = amount(first(row, PRICE_FIELDS));
    if (resolution !== undefined && audio !== undefined && price !== undefined) cells.set(cellKey(resolution, audio), price);
  }
}

/** `{ "720p": { silent, audio } }`, `{ "720p": 0.064, "720p_audio": 0.08 }`. */
function cellsFromMap(map: Loose, cells: Cells): void {
  if (!perSecondUsd(map)) return;
  for (const [key, value] of Object.entries(map)) {
    const tier = /^(.+?)(?:[\s_+-]*(?:with[\s_]*)?audio)$/i.exec(key.trim());
    const resolution = resolutionOf(tier ? tier[1] : key);
    if (resolution === undefined) continue;
    if (tier) {
      const price = amount(value);
      if (price !== undefined) cells.set(cellKey(resolution, true), price);
      continue;
    }
    if (isObject(value)) {
      if (!perSecondUsd(value)) continue;
      const silent = amount(first(value, SILENT_FIELDS));
      const audio = amount(first(value, AUDIO_FIELDS));
      if (silent !== undefined) cells.set(cellKey(resolution, false), silent);
      if (audio !== undefined) cells.set(cellKey(resolution, true), audio);
      continue;
    }
    const price = amount(value);
    if (price !== undefined) cells.set(cellKey(resolution, false), price);
  }
}

function cellsOfModel(entry: Loose): Cells {
  const cells: Cells = new Map();
  if (!perSecondUsd(entry)) return cells;
  const prices = first(entry, ['prices', 'pricing', 'price', 'tiers', 'price_list']);
  if (Array.isArray(prices)) cellsFromRows(prices, cells);
  else if (isObject(prices)) cellsFromMap(prices, cells);
  return cells;
}

/** The model entries of the list, each with its id. */
function modelEntries(root: unknown): [string, Loose][] {
  const data = isObject(root) ? root.data : undefined;
  const candidates: unknown[] = [root, data];
  for (const holder of [root, data]) if (isObject(holder)) candidates.push(holder.models, holder.list, holder.items);
  for (const c of candidates) {
    if (Array.isArray(c)) {
      return c.filter(isObject).flatMap((e): [string, Loose][] => {
        const id = first(e, ['model', 'model_id', 'modelId', 'model_name', 'id', 'name']);
        return typeof id === 'string' ? [[id.trim(), e]] : [];
      });
    }
  }
  // An object keyed by model id.
  for (const c of candidates) {
    if (isObject(c) && MODELS.some((m) => isObject(c[m]))) return MODELS.flatMap((m): [string, Loose][] => (isObject(c[m]) ? [[m, c[m]]] : []));
  }
  return [];
}

/** `YYYY-MM-DD` from ISO text or epoch seconds/ms. */
function dateOf(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
    return m && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)) ? m[1] : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) {
    const ms = v < 1e12 ? v * 1000 : v;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  }
  return undefined;
}

const DATE_FIELDS = ['updated_at', 'updatedAt', 'last_updated', 'date', 'as_of', 'asOf', 'effective_date'] as const;

export interface ParsedPriceList {
  grid: PriceGrid;
  /** The list's own date, when it gives one. */
  asOf?: string;
}

/** The provider's list as a complete, plausible grid, or undefined (the caller keeps its table). */
export function parsePriceList(json: unknown): ParsedPriceList | undefined {
  const byModel = new Map<Model, Cells>();
  for (const [id, entry] of modelEntries(json)) {
    const model = MODELS.find((m) => m === id);
    if (model) byModel.set(model, cellsOfModel(entry));
  }
  const grid: Partial<Record<Model, Partial<Record<Resolution, { silent?: number; audio?: number }>>>> = {};
  for (const model of MODELS) {
    const cells = byModel.get(model);
    grid[model] = Object.fromEntries(
      RESOLUTIONS.map((r) => [r, { silent: cells?.get(cellKey(r, false)), audio: cells?.get(cellKey(r, true)) }]),
    ) as Partial<Record<Resolution, { silent?: number; audio?: number }>>;
  }
  const checked = PriceGridSchema.safeParse(grid);
  if (!checked.success || !plausible(checked.data)) return undefined;
  const holder = isObject(json) ? json : {};
  const data = isObject(holder.data) ? holder.data : {};
  const asOf = dateOf(first(holder, DATE_FIELDS)) ?? dateOf(first(data, DATE_FIELDS));
  return { grid: checked.data, ...(asOf ? { asOf } : {}) };
}

function plausible(grid: PriceGrid): boolean {
  return MODELS.every((model) =>
    RESOLUTIONS.every((resolution) =>
      [false, true].every((audio) => {
        const known = rateFor(BUNDLED_PRICE_TABLE, model, resolution, audio);
        const fetched = audio ? grid[model][resolution].audio : grid[model][resolution].silent;
        return fetched >= known / PLAUSIBLE_FACTOR && fetched <= known * PLAUSIBLE_FACTOR;
      }),
    ),
  );
}
