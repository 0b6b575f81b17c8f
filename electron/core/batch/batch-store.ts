import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ID_MAX, SHORT_TEXT_MAX, boundedList, boundedText } from '../../../shared/domain/bounds.js';
import type { Logger } from '../ports.js';
import { writeJsonAtomic } from '../util/atomic-write.js';
import { BATCH_ROWS_MAX } from './batch-source.js';

/**
 * Batch records: one JSON file per batch in `<dataDir>/batches/`, each
 * replaced atomically. A record says which rows became which jobs and whether
 * the person paused it; how far it got is read from the jobs themselves.
 */

export const BATCH_RECORD_SCHEMA = 'keyframe.batch/1';

/**
 * `opening` while its jobs are being journaled (they wait until all are in),
 * `active` once queued, `paused` by the person (its jobs not yet started wait).
 */
export const BatchRecordStateSchema = z.enum(['opening', 'active', 'paused']);
export type BatchRecordState = z.infer<typeof BatchRecordStateSchema>;

export const BatchSourceNameSchema = z.enum(['text', 'csv', 'jsonl', 'sweep']);
export type BatchSourceName = z.infer<typeof BatchSourceNameSchema>;

export const BatchRecordSchema = z.object({
  schema: z.literal(BATCH_RECORD_SCHEMA),
  id: boundedText('Batch id', ID_MAX).regex(/^[A-Za-z0-9_-]+$/),
  createdAt: z.number(),
  updatedAt: z.number(),
  source: BatchSourceNameSchema,
  /** What the person called it (the CLI: the file's name). */
  name: boundedText('Batch name', SHORT_TEXT_MAX).optional(),
  state: BatchRecordStateSchema,
  rows: boundedList(
    'Batch rows',
    z.object({ row: z.number().int().min(1), label: boundedText('Batch row label', SHORT_TEXT_MAX).optional(), jobId: boundedText('Job id', ID_MAX) }),
    BATCH_ROWS_MAX,
  ),
});
export type BatchRecord = z.infer<typeof BatchRecordSchema>;

export class BatchStore {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.dir = join(dataDir, 'batches');
  }

  private fileFor(id: string): string {
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(id)) throw new Error('invalid batch id');
    return join(this.dir, `${id}.json`);
  }

  async save(record: BatchRecord): Promise<void> {
    await writeJsonAtomic(this.fileFor(record.id), record);
  }

  async remove(id: string): Promise<void> {
    await rm(this.fileFor(id), { force: true });
  }

  /** Every readable record, oldest first. A damaged one is logged and left where it is: its jobs run unheld. */
  async loadAll(): Promise<BatchRecord[]> {
    await mkdir(this.dir, { recursive: true });
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    const records: BatchRecord[] = [];
    for (const name of names) {
      try {
        const parsed = BatchRecordSchema.safeParse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
        if (parsed.success && `${parsed.data.id}.json` === name) records.push(parsed.data);
        else this.log.log('warn', 'a batch record could not be read; skipped', { file: name });
      } catch (err) {
        this.log.log('warn', 'a batch record could not be read; skipped', { file: name, error: String(err) });
      }
    }
    return records.sort((a, b) => a.createdAt - b.createdAt);
  }
}
