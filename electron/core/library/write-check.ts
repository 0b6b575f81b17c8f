import { open, type FileHandle } from 'node:fs/promises';

/**
 * Reads each write back from the part right after it was stored and compares
 * it byte for byte with what was handed to the write. A write that stored
 * fewer bytes than it reported, or different ones, is caught at the batch it
 * happened in, not after the whole file arrived.
 *
 * Why here and not one read-back of the finished part: that second pass
 * hashed the whole file again after the last byte (a second sha256 over a
 * 1 GiB video cost about as long as its fsync), while this read comes from
 * the page cache moments after the write and costs one memcmp. The sha256 of
 * the bytes received is then, byte for byte, the sha256 of the part on disk.
 */

/** Bytes on disk differ from the bytes that were written there. */
export class PartMismatchError extends Error {
  constructor(
    /** First file offset that differs (or is missing). */
    readonly offset: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'PartMismatchError';
  }
}

export class WriteCheck {
  private handle: FileHandle | undefined;
  private scratch = Buffer.alloc(0);

  /** `position`: where the next write lands in the file (the part's size when appending, else 0). */
  constructor(
    private readonly path: string,
    private position: number,
  ) {}

  /** Compares the file's next `sum(buffers)` bytes with `buffers`; throws PartMismatchError on the first difference. */
  async check(buffers: readonly Uint8Array[]): Promise<void> {
    const length = buffers.reduce((sum, b) => sum + b.byteLength, 0);
    if (length === 0) return;
    const read = await this.readAt(this.position, length);
    let offset = 0;
    for (const written of buffers) {
      const onDisk = read.subarray(offset, offset + written.byteLength);
      if (onDisk.byteLength !== written.byteLength || Buffer.compare(onDisk, written) !== 0) {
        const at = this.position + offset + firstDifference(onDisk, written);
        throw new PartMismatchError(at, `Bytes from offset ${at} on disk differ from the bytes written there (${read.byteLength} of ${length} bytes read back at offset ${this.position}).`);
      }
      offset += written.byteLength;
    }
    this.position += length;
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }

  /** Up to `length` bytes from `position`; fewer only at the end of the file. */
  private async readAt(position: number, length: number): Promise<Buffer> {
    this.handle ??= await open(this.path, 'r');
    // One buffer reused for every batch: the check holds no memory beyond the largest write.
    if (this.scratch.byteLength < length) this.scratch = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.handle.read(this.scratch, got, length - got, position + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return this.scratch.subarray(0, got);
  }
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.byteLength, b.byteLength);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return i;
  return n;
}
