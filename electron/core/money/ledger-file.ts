import { open, readFile, rename, stat } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';
import { errnoCode } from '../util/fs-errors.js';
import { ArchivedDaySchema, LedgerEntrySchema, type ArchivedDay, type LedgerEntry } from './ledger-entry.js';

/**
 * The spending ledger on disk: `<data>/spending.jsonl`, one JSON record a
 * line. A change appends one line (the job's whole entry; the last line for a
 * job wins) and fsyncs, so recording a charge is one small write, not a
 * rewrite. Compaction rewrites the file atomically with one line per entry.
 *
 * A line that does not parse means the file is damaged, with one exception: a
 * last line without its newline is an append a crash cut short, and is
 * dropped (the job's snapshot in the journal brings the change back).
 */

export const LEDGER_FILE = 'spending.jsonl';
/** Far beyond what the bounded ledger writes (see ledger.ts); a larger file is not ours to read into memory. */
export const LEDGER_MAX_BYTES = 64 * 1024 * 1024;

const LineSchema = z.union([
  z.object({ v: z.literal(1), entry: LedgerEntrySchema }).strict(),
  z.object({ v: z.literal(1), day: ArchivedDaySchema }).strict(),
]);
type Line = z.infer<typeof LineSchema>;

export interface LedgerContents {
  /** By job id, the last line for each. */
  entries: Map<string, LedgerEntry>;
  archived: Map<string, ArchivedDay>;
  lines: number;
  /** The file ended in a cut-short append: rewrite it before appending, or the next line would be glued to it. */
  torn: boolean;
}

export type LedgerRead = { kind: 'missing' } | { kind: 'ok'; contents: LedgerContents } | { kind: 'damaged'; reason: string };

export async function readLedgerFile(path: string): Promise<LedgerRead> {
  let text: string;
  try {
    if ((await stat(path)).size > LEDGER_MAX_BYTES) return { kind: 'damaged', reason: 'the file is larger than a ledger can be' };
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  const rawLines = text.split('\n');
  // A torn final append (no newline after it) is dropped; an empty last piece is the final newline.
  const torn = (rawLines.pop() ?? '') !== '';
  const contents: LedgerContents = { entries: new Map(), archived: new Map(), lines: 0, torn };
  for (const [i, raw] of rawLines.entries()) {
    if (raw.trim() === '') continue;
    let line: Line;
    try {
      const parsed = LineSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) return { kind: 'damaged', reason: `line ${i + 1} is not a ledger record` };
      line = parsed.data;
    } catch {
      return { kind: 'damaged', reason: `line ${i + 1} is not valid JSON` };
    }
    contents.lines++;
    if ('entry' in line) contents.entries.set(line.entry.jobId, line.entry);
    else contents.archived.set(line.day.day, line.day);
  }
  return { kind: 'ok', contents };
}

export const entryLine = (entry: LedgerEntry): string => `${JSON.stringify({ v: 1, entry })}\n`;
export const dayLine = (day: ArchivedDay): string => `${JSON.stringify({ v: 1, day })}\n`;

/** Appends lines and fsyncs them: a recorded charge survives a power cut. */
export async function appendLedgerLines(path: string, text: string): Promise<void> {
  const fh = await open(path, 'a', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Replaces the whole file atomically (compaction, a rebuild). */
export async function writeLedgerFile(path: string, entries: Iterable<LedgerEntry>, archived: Iterable<ArchivedDay>): Promise<void> {
  let text = '';
  for (const d of archived) text += dayLine(d);
  for (const e of entries) text += entryLine(e);
  await writeFileAtomic(path, text);
}

/** Moves a damaged ledger aside (kept, never deleted); returns where it went. */
export async function moveLedgerAside(path: string, now: number): Promise<string> {
  const movedTo = `${path}.corrupt-${now}`;
  await rename(path, movedTo);
  return movedTo;
}
