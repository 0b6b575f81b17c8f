import type { ServerResponse } from 'node:http';

/** A short plain-text answer (a refusal or an error), never cached. */
export function plainText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}
