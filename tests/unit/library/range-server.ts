import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/** What the next requests get; changed between calls by the tests. */
export interface Behaviour {
  /** Answer with this status and a short text body instead of the file. */
  status?: number;
  headers?: Record<string, string>;
  ignoreRange?: boolean;
  /** Send this many body bytes, then destroy the socket. */
  truncateAfter?: number;
  /** Send this many body bytes, then go silent (connection left open). */
  stallAfter?: number;
  /** Serve this instead of the server's file. */
  body?: Buffer;
  /** Answer this many requests in a row with a 302 to the same path, `?hop=n` added, before serving. */
  redirectHops?: number;
  /** Answer with a 302 whose Location is exactly this. */
  redirectTo?: string;
  /** Accept the request and never answer it (no status line). */
  silent?: boolean;
}

/** An MP4-like buffer: bytes 4..8 are `ftyp`, the rest random. */
export function fakeMp4(size: number): Buffer {
  const buf = randomBytes(size);
  buf.writeUInt32BE(32, 0);
  buf.write('ftypisom', 4, 'latin1');
  return buf;
}

/** A tiny Range-capable file server on 127.0.0.1 that can misbehave on demand. */
export class RangeServer {
  behaviour: Behaviour = {};
  readonly requests: IncomingHttpHeaders[] = [];
  /** Request targets (path and query), in order. */
  readonly paths: string[] = [];
  private stallWaiters: (() => void)[] = [];
  private constructor(
    private readonly server: Server,
    readonly body: Buffer,
  ) {}

  static async start(body: Buffer): Promise<RangeServer> {
    const server = createServer();
    const rs = new RangeServer(server, body);
    server.on('request', (req, res) => {
      rs.requests.push(req.headers);
      rs.paths.push(req.url ?? '');
      const b = rs.behaviour;
      if (b.silent) {
        rs.notifyStalled();
        return;
      }
      if (b.redirectTo !== undefined) {
        res.writeHead(302, { location: b.redirectTo });
        res.end();
        return;
      }
      const hop = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('hop') ?? 0);
      if (b.redirectHops !== undefined && hop < b.redirectHops) {
        // Relative, as CDNs often send it: the client resolves it against the link it asked for.
        res.writeHead(302, { location: `video_task_1.mp4?sig=secret&hop=${hop + 1}` });
        res.end('moved');
        return;
      }
      if (b.status !== undefined) {
        res.writeHead(b.status, { 'content-type': 'text/plain', ...b.headers });
        res.end('no');
        return;
      }
      const file = b.body ?? rs.body;
      const headers: Record<string, string> = { 'content-type': 'video/mp4', 'accept-ranges': 'bytes', ...b.headers };
      let start = 0;
      let status = 200;
      const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (m && !b.ignoreRange) {
        start = Number(m[1]);
        if (start >= file.length) {
          res.writeHead(416, { 'content-range': `bytes */${file.length}` });
          res.end();
          return;
        }
        status = 206;
        headers['content-range'] = `bytes ${start}-${file.length - 1}/${file.length}`;
      }
      const slice = file.subarray(start);
      headers['content-length'] = String(slice.length);
      res.writeHead(status, headers);
      const cut = b.truncateAfter ?? b.stallAfter;
      if (cut === undefined) {
        res.end(slice);
        return;
      }
      res.write(slice.subarray(0, Math.min(cut, slice.length)), () => {
        if (b.truncateAfter !== undefined) res.socket?.destroy();
        else rs.notifyStalled();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return rs;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/video_task_1.mp4?sig=secret`;
  }

  /** Resolves once a stalling response has flushed its bytes and gone silent. */
  stalled(): Promise<void> {
    return new Promise((resolve) => this.stallWaiters.push(resolve));
  }

  private notifyStalled(): void {
    const waiters = this.stallWaiters;
    this.stallWaiters = [];
    for (const w of waiters) w();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
