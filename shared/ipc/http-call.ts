/**
 * The one IPC call the browser host answers over plain HTTP as well as over
 * its socket: the page's first library page (see electron/host/http-call.ts).
 * Zod-free: the page's boot modules send it before the contract is loaded.
 */

export const HTTP_CALL_PATH = '/ipc/call';

/** The page's token travels in this header: a custom header cannot be sent cross-origin without a preflight. */
export const TOKEN_HEADER = 'x-keyframe-token';

/** Channels callable this way: only ones that read and never change anything. */
export const HTTP_CALL_CHANNELS: ReadonlySet<string> = new Set(['library:query']);
