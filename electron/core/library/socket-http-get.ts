import type { IncomingHttpHeaders } from 'node:http';
import { connect as tcpConnect, isIP, type OnReadOpts, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { HttpGet, HttpGetInit, HttpGetResponse } from '../ports.js';
import { ChunkedBody } from './chunked-body.js';
import { MAX_HEAD_BYTES, MalformedResponseError, bodyFraming, parseResponseHead, type BodyFraming } from './http-head.js';
import { ReadBlocks } from './read-blocks.js';

/**
 * The HttpGet port over a plain TCP or TLS socket whose reads land in reused
 * blocks (see ReadBlocks): one HTTP/1.1 GET per connection, `Connection:
 * close`, no pooling, no proxy. The response body is a Readable of views of
 * those blocks, one per socket read (up to 1 MiB each), never copied. Against
 * node:http on a 1 GiB loopback file this took the receiving side from
 * 0.6-1.4 s of CPU and 35-45 MiB of RSS growth to about 0.3 s and under 8 MiB.
 */
export const socketHttpGet: HttpGet = (url, init) => socketGet(url, init);

/** socketHttpGet with the response's own type, for readers that recycle its chunks. */
export function socketGet(url: string, init: HttpGetInit): Promise<SocketResponse> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new Error('The link is not a valid URL.'));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new Error(`Unsupported link protocol ${target.protocol}`));
  }
  // No credential may leave: a link with user:password@ is refused, as fetch refuses it.
  if (target.username !== '' || target.password !== '') {
    return Promise.reject(new Error('The link carries a user name or password; it is not followed.'));
  }
  let request: string;
  try {
    request = requestHead(target, init.headers);
  } catch (err) {
    return Promise.reject(err);
  }
  if (init.signal.aborted) return Promise.reject(abortError(init.signal));
  return new SocketExchange(target, request, init.signal).response;
}

/** The request head: the caller's headers and only those, beside Host and Connection. */
function requestHead(target: URL, headers: Record<string, string>): string {
  const lines = [`GET ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`];
  for (const [name, value] of Object.entries(headers)) {
    // A line break in a value would smuggle a header (or a second request) in.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(value)) throw new Error(`Header ${JSON.stringify(name)} cannot be sent.`);
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'connection') continue;
    lines.push(`${name}: ${value}`);
  }
  lines.push('Connection: close', '', '');
  return lines.join('\r\n');
}

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted', { cause: signal.reason }), { name: 'AbortError', code: 'ABORT_ERR' });
}

/** tls.connect honours `onread` as net.connect does (node's types leave it out of its options). */
function tlsOptions(host: string, port: number, onread: OnReadOpts): ConnectionOptions {
  const options: ConnectionOptions & { onread: OnReadOpts } = { host, port, ALPNProtocols: ['http/1.1'], onread };
  // SNI carries names only; node warns about an IP address there.
  if (isIP(host) === 0) options.servername = host;
  return options;
}

/** The body of one response; `recycleChunks` is how the downloader gets the read blocks reused. */
export class SocketResponse extends Readable implements HttpGetResponse {
  constructor(
    readonly statusCode: number,
    readonly headers: IncomingHttpHeaders,
    private readonly socket: Socket,
    private readonly blocks: ReadBlocks,
  ) {
    super();
  }

  /** The reader promises to call the returned function with every chunk once it no longer needs its bytes. */
  recycleChunks(): (chunk: Uint8Array) => void {
    return this.blocks.enableRecycling();
  }

  /** Read blocks allocated for this response so far (see ReadBlocks). */
  get blocksAllocated(): number {
    return this.blocks.blocksAllocated;
  }

  override _read(): void {
    this.socket.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
}

/** One connection: sends the request, reads the head, then frames the body into a SocketResponse. */
class SocketExchange {
  readonly response: Promise<SocketResponse>;
  private readonly blocks = new ReadBlocks();
  private readonly socket: Socket;
  private headParts: Buffer[] = [];
  private headBytes = 0;
  private body: SocketResponse | undefined;
  private framing: BodyFraming = { kind: 'close' };
  private lengthLeft = 0;
  private chunked: ChunkedBody | undefined;
  private ended = false;
  private settle!: { resolve: (res: SocketResponse) => void; reject: (err: unknown) => void };
  private readonly onAbort: () => void;

  constructor(
    target: URL,
    request: string,
    private readonly signal: AbortSignal,
  ) {
    this.response = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = target.port === '' ? (target.protocol === 'https:' ? 443 : 80) : Number(target.port);
    const onread: OnReadOpts = { buffer: () => this.blocks.nextTarget(), callback: (n: number) => this.onRead(n) };
    this.socket =
      target.protocol === 'https:'
        ? tlsConnect(tlsOptions(host, port, onread))
        : tcpConnect({ host, port, onread });
    this.onAbort = () => this.socket.destroy(abortError(signal));
    signal.addEventListener('abort', this.onAbort, { once: true });
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('end', () => this.onEnd());
    this.socket.on('close', () => this.onEnd());
    this.socket.write(request);
  }

  /** Returns false to stop reading the socket while the body's reader is behind. */
  private onRead(n: number): boolean {
    if (this.ended) return false;
    let bytes = this.blocks.took(n);
    try {
      if (this.body === undefined) {
        const rest = this.readHead(bytes);
        if (rest === undefined) return true;
        bytes = rest;
      }
      return this.frame(bytes);
    } catch (err) {
      this.socket.destroy(err instanceof Error ? err : new Error(String(err)));
      return false;
    }
  }

  /** Collects head bytes; once the blank line arrives, starts the body and returns the bytes after it. */
  private readHead(bytes: Buffer): Buffer | undefined {
    // Copied: the head is small, and the block it was read into will hold body bytes.
    this.headParts.push(Buffer.from(bytes));
    this.headBytes += bytes.length;
    const all = this.headParts.length === 1 ? (this.headParts[0] ?? Buffer.alloc(0)) : Buffer.concat(this.headParts);
    this.headParts = [all];
    const end = all.indexOf('\r\n\r\n');
    if (end === -1) {
      if (this.headBytes > MAX_HEAD_BYTES) throw new MalformedResponseError('a response head that does not end');
      return undefined;
    }
    const head = parseResponseHead(all.subarray(0, end));
    const restStart = bytes.length - (all.length - (end + 4));
    if (head.statusCode < 200) {
      // An interim answer (100 Continue): the real one follows.
      this.headParts = [];
      this.headBytes = 0;
      return restStart < bytes.length ? this.readHead(bytes.subarray(restStart)) : undefined;
    }
    this.headParts = [];
    this.framing = bodyFraming(head);
    if (this.framing.kind === 'length') this.lengthLeft = this.framing.bytes;
    if (this.framing.kind === 'chunked') this.chunked = new ChunkedBody();
    this.body = new SocketResponse(head.statusCode, head.headers, this.socket, this.blocks);
    this.settle.resolve(this.body);
    return bytes.subarray(restStart);
  }

  /** Hands the body bytes on; returns false when the reader wants no more for now. */
  private frame(bytes: Buffer): boolean {
    const body = this.body;
    if (body === undefined) return true;
    let wantsMore = true;
    const emit = (data: Buffer): void => {
      if (data.length === 0) return;
      this.blocks.lend(data);
      wantsMore = body.push(data) && wantsMore;
    };
    switch (this.framing.kind) {
      case 'length': {
        const take = Math.min(this.lengthLeft, bytes.length);
        emit(bytes.subarray(0, take));
        this.lengthLeft -= take;
        if (this.lengthLeft === 0) this.finish();
        break;
      }
      case 'chunked':
        this.chunked?.feed(bytes, emit);
        if (this.chunked?.done === true) this.finish();
        break;
      case 'close':
        emit(bytes);
        break;
      case 'none':
        this.finish();
        break;
    }
    return wantsMore && !this.ended;
  }

  /** The whole body arrived: end it and close the connection (nothing is reused). */
  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.signal.removeEventListener('abort', this.onAbort);
    this.body?.push(null);
    this.socket.destroy();
  }

  private onEnd(): void {
    if (this.ended) return;
    if (this.body === undefined) {
      this.fail(new Error('The connection closed before the video host answered.'));
    } else if (this.framing.kind === 'close' || (this.framing.kind === 'length' && this.lengthLeft === 0)) {
      this.finish();
    } else {
      // What node:http reports for a body cut short: the reader keeps what arrived.
      this.fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    }
  }

  private fail(err: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.signal.removeEventListener('abort', this.onAbort);
    this.socket.destroy();
    if (this.body === undefined) this.settle.reject(err);
    else this.body.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}
