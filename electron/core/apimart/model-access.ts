import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import type { Clock, Logger } from '../ports.js';
import { silentLogger } from '../ports.js';
import { writeJsonAtomic } from '../util/atomic-write.js';
import type { ApimartClient } from './client.js';

/**
 * Whether the key may use a model, asked before the first submit with it
 * (contract §7): the model is in `GET /v1/models`, and `GET /v1/model-schema`
 * offers it for video generation with an input schema. A key that cannot use
 * the model is refused here, before anything is sent or charged, in words the
 * person can act on, instead of by a provider error after a submit.
 *
 * A model that passed is remembered for a day per API origin, key and model
 * (in memory, and in a small file so a restart does not ask again); a refusal
 * is not remembered, so a model enabled in the console works at the next try.
 */

export const MODEL_CHECK_TTL_MS = 24 * 60 * 60 * 1000;
export const VIDEO_OPERATION = 'video_generation';

/** The client calls the check makes (an ApimartClient; tests may pass less). */
export type ModelCheckClient = Pick<ApimartClient, 'baseUrl' | 'keyFingerprint' | 'models' | 'modelSchema'>;

const CacheFileSchema = z.object({ version: z.literal(1), checked: z.record(z.string(), z.number()) });

export interface ModelAccessOptions {
  /** Where passed checks are kept between runs; without it they live in memory only. */
  cachePath?: string;
  clock: Clock;
  logger?: Logger;
}

export class ModelAccess {
  /** Cache key → when the check passed (ms since the epoch). */
  private checked = new Map<string, number>();
  /** One check per cache key at a time: jobs starting together share it. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private loading: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly log: Logger;

  constructor(private readonly opts: ModelAccessOptions) {
    this.log = opts.logger ?? silentLogger;
  }

  /** Resolves when the key may use `model`; throws the refusal (or the failure of the check) otherwise. */
  async ensure(client: ModelCheckClient, model: string): Promise<void> {
    const key = await cacheKey(client, model);
    await this.load();
    if (this.isFresh(key)) return;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.check(client, model, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Drops what is known about `model` for this key: the provider said it is not available after all. */
  async forget(client: ModelCheckClient, model: string): Promise<void> {
    const key = await cacheKey(client, model);
    await this.load();
    if (this.checked.delete(key)) await this.save();
  }

  private isFresh(key: string): boolean {
    const at = this.checked.get(key);
    const now = this.opts.clock.now();
    // A check from the future (the clock was set back) is not trusted for a day more.
    return at !== undefined && at <= now && now - at < MODEL_CHECK_TTL_MS;
  }

  private async check(client: ModelCheckClient, model: string, key: string): Promise<void> {
    const listed = await client.models();
    // Model ids are opaque: compared exactly (contract §7).
    if (!listed.includes(model)) {
      throw appFailure('permission', errorMessage('model.not_available', { model }), { retryable: false, field: 'model' });
    }
    const schema = await client.modelSchema(model, VIDEO_OPERATION);
    if (schema.operation !== VIDEO_OPERATION) {
      throw appFailure('permission', errorMessage('model.wrong_operation', { model }), {
        retryable: false,
        field: 'model',
        detail: `operation: ${schema.operation}`,
      });
    }
    if (!isPlainObject(schema.inputSchema)) {
      throw appFailure('bad_response', errorMessage('model.schema_unreadable', { model }), { retryable: false, field: 'model' });
    }
    this.checked.set(key, this.opts.clock.now());
    await this.save();
  }

  private load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  private async read(): Promise<void> {
    if (!this.opts.cachePath) return;
    try {
      const parsed = CacheFileSchema.safeParse(JSON.parse(await readFile(this.opts.cachePath, 'utf8')));
      if (parsed.success) this.checked = new Map([...Object.entries(parsed.data.checked), ...this.checked]);
    } catch {
      // Missing or unreadable: the checks are asked again, which costs two small requests.
    }
  }

  /** Never throws: a cache that cannot be written only means the next run asks again. */
  private async save(): Promise<void> {
    const path = this.opts.cachePath;
    if (!path) return;
    for (const k of [...this.checked.keys()]) if (!this.isFresh(k)) this.checked.delete(k);
    // One write after another, each with the entries of its moment: the last one holds the newest.
    const write = this.writing.then(() => writeJsonAtomic(path, { version: 1, checked: Object.fromEntries(this.checked) }));
    this.writing = write.catch(() => undefined);
    await write.catch((err: unknown) => this.log.log('warn', 'the model check cache could not be saved', { error: err instanceof Error ? err.message : String(err) }));
  }
}

async function cacheKey(client: ModelCheckClient, model: string): Promise<string> {
  return `${new URL(client.baseUrl).origin}|${await client.keyFingerprint()}|${model}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
