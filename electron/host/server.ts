import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.js';
import { silentLogger } from '../core/ports.js';
import { createIpcDispatcher } from '../services/ipc-dispatcher.js';
import type { AppServices } from '../services/types.js';
import { checkHost, newToken } from './auth.js';
import { HTTP_CALL_PATH } from '../../shared/ipc/http-call.js';
import { serveHttpCall } from './http-call.js';
import { plainText } from './plain-text.js';
import { createIpcSocketServer } from './ipc-socket.js';
import { isMediaPath, mediaPath, serveMedia } from './media-route.js';
import { createNodeServices } from './node-services.js';
import { securityHeaders } from './security-headers.js';
import { holdStaticFiles, serveStatic } from './static-files.js';
import type { MediaKind } from '../../shared/ipc/views.js';

/**
 * The browser host: the Keyframe services, the built renderer and the IPC
 * contract (over a WebSocket) on 127.0.0.1 only. It is how the real UI and
 * core are tested end to end without an Electron binary, and how someone
 * drives Keyframe from a browser on a box with no display (via an SSH tunnel).
 */

export type MediaUrlFn = (kind: MediaKind, id: string) => string;

export interface HostOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  dataDir: string;
  /** The renderer build output (index.html + assets/). */
  rendererDir: string;
  /**
   * Ready-made services (tests), or a factory given the media URL builder.
   * Default: the real services on plain-Node ports, owned and closed by the host.
   */
  services?: AppServices | ((mediaUrl: MediaUrlFn) => Promise<AppServices>);
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  forceDemo?: boolean;
  apiBaseUrl?: string;
  demoBaseUrl?: string;
  priceListUrl?: string;
  appVersion?: string;
  /** WebSocket message limit; 32 MB fits a 20 MB image as base64 in JSON. */
  maxPayloadBytes?: number;
  /** Requests one socket may have in flight before the rest are answered `busy` (see ipc-socket.ts). */
  maxInFlight?: number;
  /** Unread bytes past which a socket is dropped (see ipc-socket.ts). */
  maxBufferedBytes?: number;
}

export interface HostHandle {
  /** `http://127.0.0.1:<port>/#token=…`: the address to open. */
  url: string;
  origin: string;
  port: number;
  token: string;
  services: AppServices;
  /** Media address as the services hand it to the page (carries the read-only media token). */
  mediaUrl: MediaUrlFn;
  notices: string[];
  close(): Promise<void>;
}

export const DEFAULT_MAX_PAYLOAD = 32 * 1024 * 1024;

export async function startHost(opts: HostOptions): Promise<HostHandle> {
  const token = newToken();
  const mediaToken = newToken();
  const mediaUrl: MediaUrlFn = (kind, id) => mediaPath(kind, id, mediaToken);
  let logger = opts.logger ?? silentLogger;
  let notices: string[] = [];
  let services: AppServices;
  let ownsServices = false;
  if (typeof opts.services === 'function') {
    services = await opts.services(mediaUrl);
    ownsServices = true;
  } else if (opts.services) {
    services = opts.services;
  } else {
    const built = await createNodeServices({
      dataDir: opts.dataDir,
      mediaUrl,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.forceDemo ? { forceDemo: true } : {}),
      ...(opts.apiBaseUrl ? { apiBaseUrl: opts.apiBaseUrl } : {}),
      ...(opts.demoBaseUrl ? { demoBaseUrl: opts.demoBaseUrl } : {}),
      ...(opts.priceListUrl ? { priceListUrl: opts.priceListUrl } : {}),
      ...(opts.appVersion ? { appVersion: opts.appVersion } : {}),
      ...(opts.logger ? { logger: opts.logger } : {}),
    });
    services = built.services;
    logger = built.logger;
    notices = built.notices;
    ownsServices = true;
  }

  const dispatcher = createIpcDispatcher(services.handlers, { logger });
  const heldFiles = await holdStaticFiles(opts.rendererDir);
  let port = opts.port ?? 0;
  const ipc = createIpcSocketServer({
    port: () => port,
    token,
    dispatch: (channel, input, sender) => dispatcher.dispatch(channel, input, sender),
    logger,
    maxPayloadBytes: opts.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD,
    ...(opts.maxInFlight === undefined ? {} : { maxInFlight: opts.maxInFlight }),
    ...(opts.maxBufferedBytes === undefined ? {} : { maxBufferedBytes: opts.maxBufferedBytes }),
  });

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [k, v] of Object.entries(securityHeaders(port))) res.setHeader(k, v);
    if (!isLoopback(req.socket.remoteAddress)) return plainText(res, 403, 'Loopback only.');
    const host = checkHost(req.headers.host, port);
    if (host === 'refuse') return plainText(res, 421, 'This server answers to 127.0.0.1 only.');
    const raw = req.url ?? '/';
    if (host === 'redirect') {
      // One origin only (127.0.0.1:<port>): the CSP and the socket's Origin check name it.
      res.writeHead(308, { Location: `http://127.0.0.1:${port}${raw.startsWith('/') ? raw : '/'}` });
      res.end();
      return;
    }
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    if (isMediaPath(pathname)) return serveMedia({ services, tokens: [mediaToken, token], logger }, req, res, pathname, query);
    if (pathname === '/ipc') return plainText(res, 426, 'Upgrade Required');
    if (pathname === HTTP_CALL_PATH) return serveHttpCall({ port, token, dispatch: (channel, input, sender) => dispatcher.dispatch(channel, input, sender) }, req, res);
    return serveStatic(opts.rendererDir, req, res, pathname, heldFiles);
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      logger.log('error', 'Browser host request failed', { err });
      if (!res.headersSent) plainText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => ipc.handleUpgrade(req, socket, head));
  // Guards against slow-loris clients holding sockets open forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 0; // media bodies may stream for a long time

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    if (ownsServices) await services.close().catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} on 127.0.0.1 is already in use; choose another with --port or leave it out to pick a free one.`, { cause: err });
    }
    throw err;
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const offEvents = services.onEvent((channel, payload) => ipc.broadcast(channel, payload));
  logger.log('info', 'Browser host listening', { origin });

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    services,
    mediaUrl,
    notices,
    close() {
      closing ??= (async () => {
        offEvents();
        await ipc.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (ownsServices) await services.close();
      })();
      return closing;
    },
  };
}

function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::ffff:127.0.0.1' || addr === '::1';
}

