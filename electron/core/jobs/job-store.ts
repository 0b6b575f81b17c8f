import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssues } from '../../../shared/domain/generation.js';
import { JobSchema, fitJobToBounds, type Job } from '../../../shared/domain/job.js';
import { writeJsonAtomic } from '../util/atomic-write.js';

export interface CorruptJournalEntry {
  file: string;
  movedTo: string;
  reason: string;
}

export interface JournalLoad {
  jobs: Job[];
  corrupt: CorruptJournalEntry[];
}

/**
 * The job journal: one JSON file per job in `<dataDir>/jobs/`, each replaced
 * atomically (temp + fsync + rename). One file per job keeps writes small and
 * confines damage: a corrupt entry is moved to `jobs/corrupt/` (kept, never
 * deleted) and reported, while every other job loads normally.
 */
export class JobStore {
  readonly dir: string;
  readonly corruptDir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'jobs');
    this.corruptDir = join(this.dir, 'corrupt');
  }

  private fileFor(id: string): string {
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(id)) throw new Error('invalid job id');
    return join(this.dir, `${id}.json`);
  }

  async save(job: Job): Promise<void> {
    // loadAll refuses an entry beyond the schema's bounds: never write one.
    await writeJsonAtomic(this.fileFor(job.id), fitJobToBounds(job));
  }

  async loadAll(now: number): Promise<JournalLoad> {
    await mkdir(this.dir, { recursive: true });
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    const jobs: Job[] = [];
    const corrupt: CorruptJournalEntry[] = [];
    for (const name of names.sort()) {
      const file = join(this.dir, name);
      let reason: string;
      try {
        const parsed = JobSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (parsed.success && `${parsed.data.id}.json` === name) {
          jobs.push(parsed.data);
          continue;
        }
        reason = parsed.success ? 'file name does not match the job id' : describeIssues(parsed.error)[0] ?? 'invalid job record';
      } catch (err) {
        reason = err instanceof SyntaxError ? 'not valid JSON (the file is damaged)' : String(err);
      }
      await mkdir(this.corruptDir, { recursive: true });
      const movedTo = join(this.corruptDir, `${name}.${now}.corrupt`);
      await rename(file, movedTo);
      corrupt.push({ file, movedTo, reason });
    }
    jobs.sort((a, b) => a.createdAt - b.createdAt);
    return { jobs, corrupt };
  }
}
