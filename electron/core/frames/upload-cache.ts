import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeJsonAtomic } from '../util/atomic-write.js';

/**
 * Remembers uploaded frame URLs by content hash until they expire (72 h), so
 * re-using a frame costs no second upload. Keyed by API origin too: a URL the
 * demo provider handed out means nothing to the real gateway.
 */
const EntrySchema = z.object({ url: z.string(), expiresAt: z.number() });
const FileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), EntrySchema) });

/** A URL must outlive the submit that uses it by a comfortable margin. */
export const UPLOAD_REUSE_MARGIN_MS = 2 * 3600 * 1000;

export class UploadCache {
  private entries = new Map<string, z.infer<typeof EntrySchema>>();
  private loading: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  /**
   * Every caller waits for the one read: a caller that went ahead during the first read would see an
   * empty cache (a needless upload), and a put() during it would be overwritten by the file's older
   * contents.
   */
  private load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  private async read(): Promise<void> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      if (parsed.success) this.entries = new Map(Object.entries(parsed.data.entries));
    } catch {
      // Missing or unreadable cache: it is only an optimisation, start empty.
    }
  }

  async get(origin: string, sha256: string, now: number): Promise<{ url: string; expiresAt: number } | undefined> {
    await this.load();
    const hit = this.entries.get(`${origin}|${sha256}`);
    return hit && hit.expiresAt - now > UPLOAD_REUSE_MARGIN_MS ? hit : undefined;
  }

  async put(origin: string, sha256: string, value: { url: string; expiresAt: number }, now: number): Promise<void> {
    await this.load();
    this.entries.set(`${origin}|${sha256}`, value);
    for (const [k, v] of this.entries) if (v.expiresAt <= now) this.entries.delete(k);
    // Writes run one after another, each with the current entries: two concurrent writes could land
    // the older snapshot last and drop the newer entry from disk.
    const write = this.writing.then(() => writeJsonAtomic(this.path, { version: 1, entries: Object.fromEntries(this.entries) }));
    this.writing = write.catch(() => undefined);
    await write;
  }
}
