import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cdnErrorFor, cdnErrorXml } from './envelope.js';
import type { TypedEmitter } from './emitter.js';
import type { FaultPlan } from './fault-plan.js';
import { streamRange, writePrefix } from './file-stream.js';
import { listenTracked, requestRecord, sendBody } from './http-util.js';
import type { TrackedServer } from './http-util.js';
import { parseRange } from '../util/range-request.js';
import { contentTypeFor } from './content-types.js';
import type { FakeClock, FakeEvents, FakeStats } from './types.js';

/**
 * The "CDN": a second server on its own port, so clients must treat result
 * links as foreign (no auth header, own expiry, maybe no Range). Every path
 * it serves is a file on disk registered under an unguessable path.
 */

interface HostedFile {
  absPath: string;
  contentType: string;
  /** Undefined = never expires. */
  expiresAtMs?: number;
  /** Result and thumbnail links; expireLinks() revokes these only. */
  revocable: boolean;
  revoked: boolean;
}

export interface FileHostDeps {
  clock: FakeClock;
  faults: FaultPlan;
  stats: FakeStats;
  events: TypedEmitter<FakeEvents>;
}

export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_').slice(-100) || 'file';
}

export class FileHost {
  private readonly files = new Map<string, HostedFile>();
  private server: TrackedServer | undefined;
  private epochValue = 0;

  constructor(private readonly deps: FileHostDeps) {}

  async listen(port: number): Promise<void> {
    this.server = await listenTracked((req, res) => {
      this.handle(req, res).catch(() => res.destroy());
    }, port);
  }

  get url(): string {
    if (!this.server) throw new Error('file host is not listening');
    return `http://127.0.0.1:${this.server.port}`;
  }

  /** Bumped by expireAll(); a task whose links are from an older epoch may need fresh ones. */
  get epoch(): number {
    return this.epochValue;
  }

  /** A revocable, expiring result/thumbnail link: `/files/<token>/<name>?e=<unix s>`. */
  issueLink(absPath: string, name: string, expiresAtMs: number): string {
    const path = `/files/${randomBytes(12).toString('base64url')}/${safeFileName(name)}`;
    this.files.set(path, { absPath, contentType: contentTypeFor(name), expiresAtMs, revocable: true, revoked: false });
    return `${this.url}${path}?e=${Math.floor(expiresAtMs / 1000)}`;
  }

  /** A permanent link to any local file (benchmarks). */
  register(absPath: string): string {
    const name = basename(absPath);
    const path = `/files/${randomBytes(12).toString('base64url')}/${safeFileName(name)}`;
    this.files.set(path, { absPath, contentType: contentTypeFor(name), revocable: false, revoked: false });
    return `${this.url}${path}`;
  }

  /** Serves an uploaded image at a fixed path until it expires. */
  registerAt(path: string, absPath: string, contentType: string, expiresAtMs: number): string {
    this.files.set(path, { absPath, contentType, expiresAtMs, revocable: false, revoked: false });
    return `${this.url}${path}`;
  }

  expireAll(): void {
    for (const f of this.files.values()) if (f.revocable) f.revoked = true;
    this.epochValue += 1;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const record = requestRecord(req);
    this.deps.stats.fileRequests.push(record);
    this.deps.events.emit('request', { server: 'file', method: record.method, path: record.path });

    const fault = this.deps.faults.takeForRequest('file');
    if (fault?.kind === 'drop') return void req.socket.destroy();
    if (fault?.kind === 'status') {
      const body = fault.body === undefined ? xml(fault.status) : fault.body;
      const type: Record<string, string> = fault.body === undefined ? { 'Content-Type': 'application/xml' } : {};
      return sendBody(res, fault.status, body, { ...type, ...fault.headers });
    }
    if (record.method !== 'GET' && record.method !== 'HEAD') {
      return sendBody(res, 405, xml(405), { 'Content-Type': 'application/xml', Allow: 'GET, HEAD' });
    }
    const url = new URL(record.path, 'http://file.host');
    const file = this.files.get(url.pathname);
    if (!file) return sendXml(res, 404);
    if (this.isExpired(file, url)) return sendXml(res, 403);
    const size = await stat(file.absPath).then((s) => s.size, () => undefined);
    if (size === undefined) return sendXml(res, 404);

    const range = fault?.kind === 'no-range' ? { kind: 'full' as const } : parseRange(req.headers.range, size);
    if (range.kind === 'unsatisfiable') return sendXml(res, 416, { 'Content-Range': `bytes */${size}` });
    const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Content-Length', end - start + 1);
    if (range.kind === 'partial') res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.writeHead(range.kind === 'partial' ? 206 : 200);
    if (record.method === 'HEAD') return void res.end();

    if (fault?.kind === 'truncate') {
      await writePrefix(res, file.absPath, start, Math.min(fault.afterBytes, end - start + 1));
      return void req.socket.destroy();
    }
    if (fault?.kind === 'stall') {
      // Never end: the socket stays open until close() destroys it.
      const bytesSent = await writePrefix(res, file.absPath, start, Math.min(fault.afterBytes, end - start + 1));
      return this.deps.events.emit('stalled', { path: record.path, bytesSent });
    }
    await streamRange(res, file.absPath, start, end);
  }

  private isExpired(file: HostedFile, url: URL): boolean {
    if (file.revoked) return true;
    if (file.expiresAtMs === undefined) return false;
    // The expiry travels in the link like a signed CDN URL; a link without it (or altered) is refused.
    if (file.revocable && url.searchParams.get('e') !== String(Math.floor(file.expiresAtMs / 1000))) return true;
    return this.deps.clock.now() >= file.expiresAtMs;
  }
}

function xml(status: number): string {
  const { code, message } = cdnErrorFor(status);
  return cdnErrorXml(code, message);
}

function sendXml(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  sendBody(res, status, xml(status), { 'Content-Type': 'application/xml', ...headers });
}
