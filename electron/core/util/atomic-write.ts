import { open, rename, unlink, mkdir, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Crash-safe file replacement: write a temp file in the same folder, fsync it,
 * rename it over the target, then fsync the folder. A crash at any point leaves
 * either the old file or the new one, never a torn mix.
 */
export interface AtomicWriteOptions {
  /** File mode; private (0600) by default: journals and caches are nobody else's business. */
  mode?: number;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fh: FileHandle | undefined;
  try {
    fh = await open(tmp, 'w', opts.mode ?? 0o600);
    await fh.writeFile(data);
    await fh.sync();
    const closing = fh;
    fh = undefined;
    await closing.close();
    await rename(tmp, path);
  } catch (err) {
    // On a full disk the write fails half done: a temp file left behind would
    // keep holding the very space the person is trying to free. The close
    // error, if any, must not hide the error that explains the failure.
    await fh?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

/** fsync a directory so a rename inside it survives power loss (no-op where unsupported). */
export async function fsyncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // Windows cannot open directories for fsync; the rename is still atomic there.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

export async function writeJsonAtomic(path: string, value: unknown, opts: AtomicWriteOptions = {}): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, opts);
}
