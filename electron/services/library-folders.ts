import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../core/util/atomic-write.js';

/**
 * Every output folder the person has used. The library is rebuilt from the
 * sidecars in these folders at each start, so without this list changing the
 * output folder would make every older video vanish from the library after
 * the next restart (the files would still be on disk, just unlisted).
 */

const FILE = 'library-folders.json';
export const MAX_FOLDERS = 50;
const FileSchema = z.object({ version: z.literal(1), dirs: z.array(z.string().min(1)).max(MAX_FOLDERS) });

/** The current output folder first, then the remembered ones. A missing or damaged file means "none remembered". */
export async function readLibraryFolders(dataDir: string, outputDir: string): Promise<string[]> {
  let saved: string[] = [];
  try {
    const parsed = FileSchema.safeParse(JSON.parse(await readFile(join(dataDir, FILE), 'utf8')));
    if (parsed.success) saved = parsed.data.dirs;
  } catch {
    // First start, or an unreadable file: the output folder alone is a correct library.
  }
  return unique([outputDir, ...saved]);
}

export async function saveLibraryFolders(dataDir: string, dirs: readonly string[]): Promise<void> {
  await writeJsonAtomic(join(dataDir, FILE), { version: 1, dirs: unique(dirs).slice(0, MAX_FOLDERS) });
}

function unique(dirs: readonly string[]): string[] {
  return [...new Set(dirs.map((d) => resolve(d)))];
}
