import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { RecordedGenerationRequestSchema, type GenerationRequest } from '../../../shared/domain/generation.js';
import type { Logger } from '../ports.js';
import { writeJsonAtomic } from '../util/atomic-write.js';

/**
 * Every prompt sent, with its settings, newest first: the prompt bar's ↑ and
 * "reuse" read it. One entry per distinct prompt + settings (sending it again
 * moves it to the top and counts the use), at most HISTORY_MAX entries (the
 * oldest go). The file is rewritten atomically; writes asked for while one is
 * running fold into the next, so a batch of hundreds costs a few writes.
 */

export const HISTORY_MAX = 2000;
export const HISTORY_SCHEMA = 'keyframe.prompt-history/1';

const EntrySchema = z.object({
  request: RecordedGenerationRequestSchema,
  lastUsedAt: z.number(),
  uses: z.number().int().min(1),
});
export type HistoryEntry = z.infer<typeof EntrySchema>;

const FileSchema = z.object({ schema: z.literal(HISTORY_SCHEMA), entries: z.array(z.unknown()) });

export interface HistoryQuery {
  search?: string;
  limit: number;
  offset?: number;
}

export interface HistoryPage {
  total: number;
  items: HistoryEntry[];
}

/** The same prompt with the same settings, whatever order the settings were written in. */
export function historyKey(request: GenerationRequest): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sorted(x)]))
      : v;
  return JSON.stringify(sorted(request));
}

export class PromptHistory {
  private entries: HistoryEntry[] | undefined;
  private loading: Promise<HistoryEntry[]> | undefined;
  private pending: { request: GenerationRequest; at: number }[] = [];
  private writing: Promise<void> | undefined;
  private dirty = false;
  /** Each entry's key, made once: a batch of hundreds compares against every entry per prompt. */
  private readonly keys = new WeakMap<HistoryEntry, string>();

  constructor(
    private readonly path: string,
    private readonly log: Logger,
    private readonly max = HISTORY_MAX,
  ) {}

  /** Keeps a sent prompt; never throws (history is a convenience, never a reason a job is not queued). */
  record(request: GenerationRequest, at: number): void {
    this.pending.push({ request, at });
    void this.persist();
  }

  async list(q: HistoryQuery): Promise<HistoryPage> {
    const entries = await this.current();
    const words = (q.search ?? '').normalize('NFC').toLowerCase().split(/\s+/u).filter((w) => w !== '');
    const matches = words.length === 0 ? entries : entries.filter((e) => words.every((w) => e.request.prompt.normalize('NFC').toLowerCase().includes(w)));
    const offset = q.offset ?? 0;
    return { total: matches.length, items: matches.slice(offset, offset + q.limit) };
  }

  /** Waits for the writes asked for so far. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async current(): Promise<HistoryEntry[]> {
    const entries = await this.loaded();
    this.applyPending(entries);
    return entries;
  }

  private loaded(): Promise<HistoryEntry[]> {
    if (this.entries) return Promise.resolve(this.entries);
    this.loading ??= this.read().then((entries) => (this.entries = entries));
    return this.loading;
  }

  private applyPending(entries: HistoryEntry[]): void {
    for (const { request, at } of this.pending.splice(0)) {
      const key = historyKey(request);
      const i = entries.findIndex((e) => this.keyOf(e) === key);
      const uses = i === -1 ? 1 : (entries[i] as HistoryEntry).uses + 1;
      if (i !== -1) entries.splice(i, 1);
      entries.unshift({ request, lastUsedAt: at, uses });
    }
    if (entries.length > this.max) entries.length = this.max;
  }

  private keyOf(entry: HistoryEntry): string {
    let key = this.keys.get(entry);
    if (key === undefined) {
      key = historyKey(entry.request);
      this.keys.set(entry, key);
    }
    return key;
  }

  private persist(): Promise<void> {
    if (this.writing) {
      this.dirty = true;
      return this.writing;
    }
    const run = (async () => {
      do {
        this.dirty = false;
        const entries = await this.current();
        await writeJsonAtomic(this.path, { schema: HISTORY_SCHEMA, entries });
      } while (this.dirty);
    })()
      .catch((err: unknown) => this.log.log('warn', 'the prompt history could not be saved', { error: String(err) }))
      .finally(() => {
        this.writing = undefined;
        if (this.dirty || this.pending.length > 0) void this.persist();
      });
    this.writing = run;
    return run;
  }

  /** A missing or damaged file is an empty history; a damaged entry is dropped, not the rest. */
  private async read(): Promise<HistoryEntry[]> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path, 'utf8'));
    } catch {
      return [];
    }
    const file = FileSchema.safeParse(raw);
    if (!file.success) {
      this.log.log('warn', 'the prompt history file is not readable; starting a new one');
      return [];
    }
    return file.data.entries.flatMap((e) => {
      const parsed = EntrySchema.safeParse(e);
      return parsed.success ? [parsed.data] : [];
    }).slice(0, this.max);
  }
}
