import { describe, expect, it } from 'vitest';
import { ChunkedBody } from '../../../electron/core/library/chunked-body.js';
import { bodyFraming, parseResponseHead } from '../../../electron/core/library/http-head.js';

/** The socket transport's reading of a response head and of a chunked body. */

const head = (text: string) => parseResponseHead(Buffer.from(text, 'latin1'));

describe('parseResponseHead', () => {
  it('reads the status and lower-cases names; repeated fields join, single-valued ones keep their first value', () => {
    const h = head('HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-9/10\r\nVary: a\r\nVARY: b\r\nLocation: /one\r\nLocation: /two\r\nSet-Cookie: x=1\r\nSet-Cookie: y=2');
    expect(h.statusCode).toBe(206);
    expect(h.headers).toEqual({ 'content-range': 'bytes 0-9/10', vary: 'a, b', location: '/one', 'set-cookie': ['x=1', 'y=2'] });
  });

  it('repeated Content-Encoding values join, so every coding is undone', () => {
    expect(head('HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Encoding: br').headers['content-encoding']).toBe('gzip, br');
  });

  it('refuses what could hide a second framing: folded lines, names with spaces, disagreeing lengths', () => {
    expect(() => head('HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded')).toThrow(/not name: value/);
    expect(() => head('HTTP/1.1 200 OK\r\nContent Length: 5')).toThrow(/not name: value/);
    expect(() => head('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6')).toThrow(/two different Content-Length/);
    expect(head('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5').headers['content-length']).toBe('5');
    expect(() => head('HTTP/2 200')).toThrow(/no HTTP\/1.x status line/);
  });
});

describe('bodyFraming', () => {
  it('chunked wins over a length; a coding other than chunked last reads to the close; 204 and 304 have no body', () => {
    expect(bodyFraming(head('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 3'))).toEqual({ kind: 'chunked' });
    expect(bodyFraming(head('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip'))).toEqual({ kind: 'close' });
    expect(bodyFraming(head('HTTP/1.1 200 OK\r\nContent-Length: 42'))).toEqual({ kind: 'length', bytes: 42 });
    expect(bodyFraming(head('HTTP/1.1 200 OK'))).toEqual({ kind: 'close' });
    expect(bodyFraming(head('HTTP/1.1 304 Not Modified\r\nContent-Length: 42'))).toEqual({ kind: 'none' });
    expect(() => bodyFraming(head('HTTP/1.1 200 OK\r\nContent-Length: -1'))).toThrow(/not a number/);
  });
});

describe('ChunkedBody', () => {
  const decode = (wire: string, step: number): { data: string; done: boolean } => {
    const body = new ChunkedBody();
    const out: Buffer[] = [];
    const bytes = Buffer.from(wire, 'latin1');
    for (let at = 0; at < bytes.length; at += step) body.feed(bytes.subarray(at, at + step), (d) => out.push(Buffer.from(d)));
    return { data: Buffer.concat(out).toString('latin1'), done: body.done };
  };

  it('gives the same data whatever the reads cut, and is done after the trailers', () => {
    const wire = '5;name=v\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Sum: 1\r\n\r\nignored';
    for (const step of [1, 2, 3, 7, wire.length]) expect(decode(wire, step)).toEqual({ data: 'hello0123456789', done: true });
    expect(decode('5\r\nhello\r\n', 4)).toEqual({ data: 'hello', done: false });
  });

  it('refuses a size that is not hexadecimal and data longer than its size', () => {
    expect(() => decode('zz\r\nhello\r\n0\r\n\r\n', 100)).toThrow(/not hexadecimal/);
    expect(() => decode('3\r\nhello\r\n0\r\n\r\n', 100)).toThrow(/longer than its size/);
  });
});
