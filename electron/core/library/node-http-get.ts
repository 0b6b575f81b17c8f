import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HttpGet } from '../ports.js';

/**
 * The HttpGet port over node:http and node:https. The body is node's own
 * stream of the socket's reads: no Web Streams layer and no promise per
 * chunk, which held WHATWG fetch to under half of curl's speed on a 1 GiB
 * loopback download.
 */
export const nodeHttpGet: HttpGet = (url, init) =>
  new Promise<IncomingMessage>((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
    if (send === undefined) {
      reject(new Error(`Unsupported link protocol ${target.protocol}`));
      return;
    }
    // No credential may leave: a link with user:password@ is refused (as
    // fetch refuses it), and the request is built field by field rather than
    // from the URL object, which node would turn into an Authorization header.
    if (target.username !== '' || target.password !== '') {
      reject(new Error('The link carries a user name or password; it is not followed.'));
      return;
    }
    const options: RequestOptions = {
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[(.*)\]$/, '$1'),
      ...(target.port === '' ? {} : { port: Number(target.port) }),
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers: init.headers,
      signal: init.signal,
    };
    const req = send(options, resolve);
    // `on`, not `once`: a socket error during the body is emitted here too,
    // and an error event without a listener would crash the process. By
    // then the promise is settled and the body reports the failure.
    req.on('error', reject);
    req.end();
  });
