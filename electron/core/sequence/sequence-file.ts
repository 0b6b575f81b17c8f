import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { describeIssues } from '../../../shared/domain/generation.js';
import {
  SEQUENCE_FILE_MAX_BYTES,
  SequenceDocumentSchema,
  sequenceFileName,
  sequenceNameOf,
  type SequenceDocument,
} from '../../../shared/domain/sequence.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { errnoCode, fsFailure } from '../util/fs-errors.js';

/**
 * Sequence files in a library folder: `<name>.keyframe-sequence.json`. Read
 * with a size cap and the schema (another tool may have written the file, or
 * anyone who can write the folder), written atomically so a crash never
 * leaves half a storyboard. `revision` is the sha256 of the file's bytes: a
 * save names the revision it edited, so an edit made meanwhile by another
 * tool is never silently overwritten.
 */

/** Sequences sit beside the videos and travel with them: readable like the videos (umask applies). */
const SEQUENCE_FILE_MODE = { mode: 0o644 };

export interface StoredSequence {
  name: string;
  path: string;
  document: SequenceDocument;
  revision: string;
  mtimeMs: number;
}

export const sequencePath = (dir: string, name: string): string => join(dir, sequenceFileName(name));

const damaged = (name: string, detail?: string) =>
  appFailure('corrupt_data', errorMessage('sequence.damaged', { name }), { retryable: false, ...(detail === undefined ? {} : { detail }) });

export function parseSequence(name: string, text: string): SequenceDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw damaged(name, err instanceof Error ? err.message : undefined);
  }
  const parsed = SequenceDocumentSchema.safeParse(json);
  if (!parsed.success) throw damaged(name, describeIssues(parsed.error).join('\n'));
  return parsed.data;
}

export function readSequence(dir: string, name: string): Promise<StoredSequence> {
  return readSequenceAt(sequencePath(dir, name), name);
}

/** Reads a sequence file by path (the CLI takes any file name); `name` is how messages call it. */
export async function readSequenceAt(path: string, name: string): Promise<StoredSequence> {
  let text: Buffer;
  let mtimeMs: number;
  try {
    const fh = await open(path, 'r');
    try {
      const s = await fh.stat();
      if (!s.isFile()) throw appFailure('not_found', errorMessage('sequence.not_found', { name }), { retryable: false });
      if (s.size > SEQUENCE_FILE_MAX_BYTES) throw appFailure('corrupt_data', errorMessage('sequence.too_large', { name }), { retryable: false });
      mtimeMs = s.mtimeMs;
      text = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (err) {
    if (err instanceof AppFailure) throw err;
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'EISDIR') {
      throw appFailure('not_found', errorMessage('sequence.not_found', { name }), { retryable: false });
    }
    throw fsFailure(err, errorMessage('sequence.damaged', { name }));
  }
  const document = parseSequence(name, text.toString('utf8'));
  return { name, path, document, revision: sha256(text), mtimeMs };
}

/** Writes the document (checked against the schema first); returns its new revision. */
export async function writeSequence(dir: string, name: string, document: SequenceDocument): Promise<string> {
  const checked = SequenceDocumentSchema.safeParse(document);
  if (!checked.success) {
    throw appFailure('internal', errorMessage('sequence.save_failed', { name }), { detail: describeIssues(checked.error).join('\n') });
  }
  // The document as given, not as parsed: its unknown fields are part of what is saved.
  const text = `${JSON.stringify(document, null, 2)}\n`;
  try {
    await writeFileAtomic(sequencePath(dir, name), text, SEQUENCE_FILE_MODE);
  } catch (err) {
    throw fsFailure(err, errorMessage('sequence.save_failed', { name }), 'output');
  }
  return sha256(Buffer.from(text, 'utf8'));
}

export interface SequenceListing {
  name: string;
  mtimeMs: number;
}

/** The sequence files at the top of `dir`, by name; a folder that does not exist holds none. */
export async function listSequenceFiles(dir: string): Promise<SequenceListing[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw fsFailure(err, errorMessage('fs.write_failed'));
  }
  const out: SequenceListing[] = [];
  for (const file of names.sort()) {
    const name = sequenceNameOf(file);
    if (name === undefined) continue;
    const s = await stat(join(dir, file)).catch(() => undefined);
    if (s?.isFile()) out.push({ name, mtimeMs: s.mtimeMs });
  }
  return out;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
