import { readFile, stat } from 'node:fs/promises';
import { allFiles } from './queue-helpers.js';

/**
 * "No trace of the key": not the whole key, and not a piece of it either (a
 * reply cut to an excerpt can end in the middle of the key). Any run of
 * TRACE_CHARS characters taken from the key counts as a trace.
 */
export const TRACE_CHARS = 12;

export function keyPieces(key: string): string[] {
  if (key.length <= TRACE_CHARS) return [key];
  return Array.from({ length: key.length - TRACE_CHARS + 1 }, (_, i) => key.slice(i, i + TRACE_CHARS));
}

/** The first piece of `key` found in `text`, or undefined. */
export function keyTraceIn(text: string, key: string): string | undefined {
  return keyPieces(key).find((piece) => text.includes(piece));
}

/** Files under `dirs` holding a piece of `key`, each with the piece found. */
export async function filesWithKeyTrace(key: string, ...dirs: string[]): Promise<{ file: string; piece: string }[]> {
  const hits: { file: string; piece: string }[] = [];
  for (const dir of dirs) {
    for (const file of await allFiles(dir)) {
      if ((await stat(file)).size > 50_000_000) continue;
      const piece = keyTraceIn((await readFile(file)).toString('latin1'), key);
      if (piece) hits.push({ file, piece });
    }
  }
  return hits;
}
