import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the provider's public price list: answers what the test sets, and records every request's headers. */
export interface PriceServer {
  url: string;
  requests: { url: string; headers: IncomingHttpHeaders }[];
  /** The next replies: a JSON value (200), or a status with a raw body. */
  reply(r: { json: unknown } | { status: number; body: string }): void;
  close(): Promise<void>;
}

export async function startPriceServer(): Promise<PriceServer> {
  let next: { json: unknown } | { status: number; body: string } = { status: 404, body: 'not set' };
  const requests: PriceServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    if ('json' in next) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next.json));
    } else {
      res.writeHead(next.status, { 'content-type': 'text/plain' });
      res.end(next.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/pricing/models/all`,
    requests,
    reply: (r) => void (next = r),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
