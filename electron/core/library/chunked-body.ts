import { MalformedResponseError } from './http-head.js';

/**
 * Undoes `Transfer-Encoding: chunked` without copying the data: each piece
 * handed on is a view of the bytes as read from the socket. Only the short
 * size and trailer lines are kept between reads.
 */

/** A chunk-size line (with extensions) or a trailer line longer than this is refused. */
const MAX_LINE = 4096;

type State = 'size' | 'data' | 'data-end' | 'trailer' | 'done';

export class ChunkedBody {
  private state: State = 'size';
  private line = '';
  private dataLeft = 0;

  get done(): boolean {
    return this.state === 'done';
  }

  /** Hands the data in `bytes` to `emit`, in order; bytes after the last chunk's trailers are ignored. */
  feed(bytes: Buffer, emit: (data: Buffer) => void): void {
    let at = 0;
    while (at < bytes.length && this.state !== 'done') {
      if (this.state === 'data') {
        const take = Math.min(this.dataLeft, bytes.length - at);
        emit(bytes.subarray(at, at + take));
        at += take;
        this.dataLeft -= take;
        if (this.dataLeft === 0) this.state = 'data-end';
        continue;
      }
      const end = bytes.indexOf(10, at);
      const stop = end === -1 ? bytes.length : end + 1;
      this.line += bytes.toString('latin1', at, stop);
      at = stop;
      if (this.line.length > MAX_LINE) throw new MalformedResponseError('a chunk line that does not end');
      if (end !== -1) this.endLine(this.line.replace(/\r?\n$/, ''));
    }
  }

  private endLine(line: string): void {
    this.line = '';
    if (this.state === 'data-end') {
      if (line !== '') throw new MalformedResponseError('chunk data longer than its size');
      this.state = 'size';
    } else if (this.state === 'size') {
      const size = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/.exec(line);
      if (size === null) throw new MalformedResponseError('a chunk size that is not hexadecimal');
      this.dataLeft = parseInt(size[1] ?? '', 16);
      this.state = this.dataLeft === 0 ? 'trailer' : 'data';
    } else if (this.state === 'trailer' && line === '') {
      this.state = 'done';
    }
  }
}
