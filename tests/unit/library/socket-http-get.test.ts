import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { socketGet } from '../../../electron/core/library/socket-http-get.js';

/**
 * The socket transport: an HTTP/1.1 GET whose body arrives as views of reused
 * read blocks. Real servers on 127.0.0.1, one per test; raw TCP servers where
 * the answer must be shaped byte by byte.
 */

const MiB = 1024 * 1024;
const servers: Server[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) {
    if ('closeAllConnections' in s && typeof s.closeAllConnections === 'function') s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function listen<S extends Server>(server: S): Promise<S & { port: number }> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(server, { port: (server.address() as AddressInfo).port });
}

/** A TCP server that answers every connection with exactly `respond`'s bytes, then closes it unless told not to. */
async function rawServer(respond: (socket: Socket) => void): Promise<string> {
  const server = await listen(createNetServer((socket) => socket.once('data', () => respond(socket))));
  return `http://127.0.0.1:${server.port}/clip.mp4`;
}

const signal = (): AbortSignal => new AbortController().signal;

/** Reads the whole body, handing every chunk back as the downloader does. */
async function readAll(body: Readable, recycle?: (chunk: Uint8Array) => void): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    parts.push(Buffer.from(bytes));
    recycle?.(bytes);
  }
  return Buffer.concat(parts);
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('a response with a Content-Length', () => {
  it('arrives whole, with its status and lower-case headers; the request carries only Host, the given headers and Connection', async () => {
    const file = Buffer.alloc(3 * MiB + 17, 7);
    let seen: IncomingHttpHeaders = {};
    let target = '';
    const server = await listen(
      createHttpServer((req, res) => {
        seen = req.headers;
        target = req.url ?? '';
        res.writeHead(206, { 'Content-Length': String(file.length), 'Content-Range': `bytes 5-${file.length + 4}/${file.length + 5}`, 'X-Two': ['a', 'b'] });
        res.end(file);
      }),
    );
    const res = await socketGet(`http://127.0.0.1:${server.port}/v/clip.mp4?sig=s%20x`, { headers: { range: 'bytes=5-', 'accept-encoding': 'identity' }, signal: signal() });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 5-${file.length + 4}/${file.length + 5}`);
    expect(res.headers['x-two']).toBe('a, b');
    expect(sha(await readAll(res))).toBe(sha(file));
    expect(target).toBe('/v/clip.mp4?sig=s%20x');
    expect(Object.keys(seen).sort()).toEqual(['accept-encoding', 'connection', 'host', 'range']);
    expect(seen.host).toBe(`127.0.0.1:${server.port}`);
    expect(seen.connection).toBe('close');
  });

  it('cut short by the host is an error on the body, after every byte that did arrive', async () => {
    const url = await rawServer((socket) => {
      socket.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n'), Buffer.alloc(400, 1)]));
    });
    const res = await socketGet(url, { headers: {}, signal: signal() });
    const got: Buffer[] = [];
    res.on('data', (c: Buffer) => got.push(Buffer.from(c)));
    const error = await new Promise<Error>((resolve) => res.once('error', resolve));
    expect(error.message).toBe('aborted');
    expect(Buffer.concat(got).length).toBe(400);
  });

  it('two different Content-Length values are refused: the end of the body would be ambiguous', async () => {
    const url = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\nContent-Length: 12\r\n\r\n0123456789ab'));
    await expect(socketGet(url, { headers: {}, signal: signal() })).rejects.toThrow(/two different Content-Length values/);
  });
});

describe('other framings', () => {
  it('a chunked body is decoded, however the reads split its size lines', async () => {
    const file = Buffer.from('x'.repeat(70_000) + 'end');
    const chunked = Buffer.from(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;ext=1\r\nx\r\n${(69_999).toString(16)}\r\n${'x'.repeat(69_999)}\r\n3\r\nend\r\n0\r\nX-Trailer: t\r\n\r\n`);
    const url = await rawServer((socket) => {
      // Seven bytes at a time: size lines, CRLFs and data all cross reads.
      let at = 0;
      const next = (): void => {
        if (at >= chunked.length) {
          socket.end();
          return;
        }
        socket.write(chunked.subarray(at, at + 7), next);
        at += 7;
      };
      next();
    });
    const res = await socketGet(url, { headers: {}, signal: signal() });
    expect((await readAll(res)).equals(file)).toBe(true);
  });

  it('a body without a length ends when the host closes the connection', async () => {
    const url = await rawServer((socket) => socket.end('HTTP/1.0 200 OK\r\nContent-Type: video/mp4\r\n\r\nall of it'));
    const res = await socketGet(url, { headers: {}, signal: signal() });
    expect((await readAll(res)).toString()).toBe('all of it');
  });

  it('an interim 100 answer is skipped for the real one', async () => {
    const url = await rawServer((socket) => socket.end('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    const res = await socketGet(url, { headers: {}, signal: signal() });
    expect(res.statusCode).toBe(200);
    expect((await readAll(res)).toString()).toBe('ok');
  });

  it('an answer that is not HTTP is refused', async () => {
    const url = await rawServer((socket) => socket.end('SSH-2.0-OpenSSH\r\n\r\n'));
    await expect(socketGet(url, { headers: {}, signal: signal() })).rejects.toThrow(/malformed response: no HTTP\/1.x status line/);
  });
});

describe('what is sent', () => {
  it('a header value with a line break is refused before connecting: it would smuggle a header in', async () => {
    await expect(socketGet('http://127.0.0.1:9/clip.mp4', { headers: { range: 'bytes=0-\r\nAuthorization: Bearer x' }, signal: signal() })).rejects.toThrow(/cannot be sent/);
  });

  it('a link with a user name and password is refused, and nothing reaches the host', async () => {
    let connections = 0;
    const server = await listen(createNetServer(() => (connections += 1)));
    await expect(socketGet(`http://user:pw@127.0.0.1:${server.port}/clip.mp4`, { headers: {}, signal: signal() })).rejects.toThrow(/user name or password/);
    expect(connections).toBe(0);
  });
});

describe('https', () => {
  it('checks the certificate: a self-signed host is refused', async () => {
    const server = await listen(createHttpsServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) => res.end('never')));
    await expect(socketGet(`https://127.0.0.1:${server.port}/clip.mp4`, { headers: {}, signal: signal() })).rejects.toMatchObject({
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
  });
});

describe('aborting', () => {
  it('before the answer rejects the request; during the body, errors the body', async () => {
    const url = await rawServer((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst'));
    const early = new AbortController();
    const silentUrl = await rawServer(() => early.abort());
    await expect(socketGet(silentUrl, { headers: {}, signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const late = new AbortController();
    const res = await socketGet(url, { headers: {}, signal: late.signal });
    res.once('data', () => late.abort());
    await expect(readAll(res)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('read blocks', () => {
  const SIZE = 48 * MiB;
  async function fileServer(): Promise<string> {
    const file = Buffer.alloc(SIZE, 3);
    const server = await listen(createHttpServer((_req, res) => res.writeHead(200, { 'content-length': String(SIZE) }).end(file)));
    return `http://127.0.0.1:${server.port}/clip.mp4`;
  }

  it('a reader that hands its chunks back gets the same few blocks again: memory stays flat whatever the size', async () => {
    const res = await socketGet(await fileServer(), { headers: {}, signal: signal() });
    const recycle = res.recycleChunks();
    let total = 0;
    for await (const chunk of res) {
      total += (chunk as Buffer).length;
      recycle(chunk as Buffer);
    }
    expect(total).toBe(SIZE);
    expect(res.blocksAllocated).toBeLessThanOrEqual(4);
  });

  it('a reader that keeps its chunks keeps them intact: blocks are then never reused', async () => {
    const res = await socketGet(await fileServer(), { headers: {}, signal: signal() });
    const kept: Buffer[] = [];
    for await (const chunk of res) kept.push(chunk as Buffer);
    expect(Buffer.concat(kept).equals(Buffer.alloc(SIZE, 3))).toBe(true);
    expect(res.blocksAllocated).toBeGreaterThanOrEqual(SIZE / MiB);
  });
});

/** A throwaway self-signed certificate for 127.0.0.1 / localhost (EC P-256, valid to 2036). */
const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIBmTCCAT+gAwIBAgIUP4yhuYkCYrJJrTrao6PlCc2KpwcwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MB4XDTI2MTEzMDEwMDcwM1oXDTM2MTEyNzEw
MDcwM1owFDESMBAGA1UEAwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEPi+0k0bZE1Ex+nV4agNZQXFgytBI6D8JdTYozdmeaEoe+cgJ3dM/+gPL
PWxXivlorUmEDaZoezYqPeCL8oUaRqNvMG0wHQYDVR0OBBYEFIoSNQNsWrwq6f10
Ulp8v1nwQXTmMB8GA1UdIwQYMBaAFIoSNQNsWrwq6f10Ulp8v1nwQXTmMA8GA1Ud
EwEB/wQFMAMBAf8wGgYDVR0RBBMwEYIJbG9jYWxob3N0hwR/AAABMAoGCCqGSM49
BAMCA0gAMEUCICMKGRVh63/Tm6/9btp2YGFLfpQrqFAunX1fUp3qNZhCAiEA3ofl
DN0pYWHro2DYnubNXPd5k0TtmeAsruNAxhUKEr8=
-----END CERTIFICATE-----
`;
const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgkk79loS79hBRYzfk
7f0RblkMcusudpesXsgP1xqCmJuhRANCAAQ+L7STRtkTUTH6dXhqA1lBcWDK0Ejo
Pwl1NijN2Z5oSh75yAnd0z/6A8s9bFeK+WitSYQNpmh7Nio94IvyhRpG
-----END PRIVATE KEY-----
`;
