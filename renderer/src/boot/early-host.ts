import { connectHost, type HostSocket } from '../host-socket';
import { takeToken } from '../host-token';
import { FIRST_LIBRARY_QUERY, LIBRARY_CHANGED, LIBRARY_QUERY } from './first-library-query';
import { askFirst, type FirstReply } from './first-reply';

/**
 * The browser host's socket, opened by the page's first few kilobytes of
 * script, before React and the contract load, together with the library's
 * first page (what the grid asks for on every start). api.ts builds the Api on
 * this socket.
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
  return { socket, first: askFirst(socket, LIBRARY_QUERY, FIRST_LIBRARY_QUERY, [LIBRARY_CHANGED]) };
}

export const earlyHost: EarlyHost | undefined = open();
