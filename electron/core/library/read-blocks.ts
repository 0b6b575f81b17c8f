/**
 * The memory a socket reads into: blocks of 1 MiB, each read landing right
 * after the previous one, so the bytes handed on are views of a block, never
 * copies. node:http instead allocates a fresh 64 KiB buffer per socket read
 * and copies each body piece once more; on a 1 GiB download that garbage
 * alone grew the process by 35-45 MiB before the collector caught up.
 *
 * A reader that promises to hand every view back once it is done with it
 * (`enableRecycling`) gets its blocks reused: the download then lives in a few
 * MiB whatever the file size. Any other reader keeps its views as long as it
 * likes; blocks are then simply never reused.
 */

const BLOCK_BYTES = 1024 * 1024;
/** A block with less room than this is left for the next: a read into a sliver would be one more syscall for little. */
const MIN_READ_BYTES = 64 * 1024;
/** Free blocks kept for reuse; more are left to the collector. */
const KEPT_FREE = 4;

interface Block {
  readonly bytes: Buffer;
  /** Where the next read into this block lands. */
  fill: number;
  /** Bytes of this block handed on and not handed back yet. */
  lent: number;
}

export class ReadBlocks {
  private current: Block;
  private readonly free: Block[] = [];
  private readonly owners = new WeakMap<ArrayBufferLike, Block>();
  private recycling = false;
  private allocated = 0;

  constructor(private readonly blockBytes = BLOCK_BYTES) {
    this.current = this.newBlock();
  }

  /** Where the next socket read should land. */
  nextTarget(): Buffer {
    if (this.current.bytes.length - this.current.fill < Math.min(MIN_READ_BYTES, this.blockBytes)) this.switchBlock();
    return this.current.bytes.subarray(this.current.fill);
  }

  /** The `n` bytes the last read stored at the target. Not lent yet: head and framing bytes are never handed on. */
  took(n: number): Buffer {
    const block = this.current;
    const view = block.bytes.subarray(block.fill, block.fill + n);
    block.fill += n;
    return view;
  }

  /** `view` (a part of what `took` returned) is handed to the reader. */
  lend(view: Buffer): void {
    const block = this.owners.get(view.buffer);
    if (block !== undefined) block.lent += view.byteLength;
  }

  /** From now on, views handed back through the returned function have their memory reused. */
  enableRecycling(): (view: Uint8Array) => void {
    this.recycling = true;
    return (view) => this.giveBack(view);
  }

  /** Blocks allocated so far: what a reader that recycles keeps small (the tests' measure of it). */
  get blocksAllocated(): number {
    return this.allocated;
  }

  private giveBack(view: Uint8Array): void {
    const block = this.owners.get(view.buffer);
    if (block === undefined) return;
    block.lent -= view.byteLength;
    if (block.lent <= 0 && block !== this.current) this.release(block);
  }

  private switchBlock(): void {
    const full = this.current;
    this.current = this.free.pop() ?? this.newBlock();
    if (this.recycling && full.lent <= 0) this.release(full);
  }

  private release(block: Block): void {
    block.fill = 0;
    block.lent = 0;
    if (this.free.length < KEPT_FREE && !this.free.includes(block)) this.free.push(block);
  }

  private newBlock(): Block {
    // Not from the shared pool: a block must not share its memory with anything else.
    this.allocated += 1;
    const block: Block = { bytes: Buffer.allocUnsafeSlow(this.blockBytes), fill: 0, lent: 0 };
    this.owners.set(block.bytes.buffer, block);
    return block;
  }
}
