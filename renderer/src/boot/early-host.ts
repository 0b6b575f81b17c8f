import { connectHost, type HostSocket } from '../host-socket';
import { takeToken } from '../host-token';
import { FIRST_LIBRARY_QUERY, LIBRARY_CHANGED, LIBRARY_QUERY } from './first-library-query';
import { askFirst, type FirstReply } from './first-reply';
import { httpCall } from './http-call';
import { warmLocalStorage } from './warm-storage';

/**
 * The browser host's socket, opened by the first module the page evaluates,
 * before React and the contract, together with the library's first page (what
 * the grid asks for on every start). api.ts builds the Api on this socket.
 *
 * The first page is asked for over plain HTTP: a fetch's reply is delivered to
 * a loading page as its own files are, while the socket's first reply waits
 * on the page's busy main thread twice (for its `open` event, then for the
 * message). A host that will not answer it that way is asked over the socket.
 */
export interface EarlyHost {
  socket: HostSocket;
  first: FirstReply;
}

function open(): EarlyHost | undefined {
  // Electron: the preload is the way to main; there is no socket to open.
  if (window.api) return undefined;
  const token = takeToken();
  if (!token) return undefined;
  const socket = connectHost(`ws://${window.location.host}/ipc`, token);
  const ask = (): Promise<unknown> => httpCall(token, LIBRARY_QUERY, FIRST_LIBRARY_QUERY).catch(() => socket.call(LIBRARY_QUERY, FIRST_LIBRARY_QUERY));
  return { socket, first: askFirst(socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED], ask) };
}

export const earlyHost: EarlyHost | undefined = open();
warmLocalStorage();
