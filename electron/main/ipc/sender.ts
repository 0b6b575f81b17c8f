import { isAppUrl } from '../schemes.js';

/**
 * Who may call the contract: the main frame of OUR window, showing OUR UI.
 * Refused: sub-frames (an injected <iframe> would carry its own origin),
 * other windows/webContents, a frame that navigated elsewhere, and a frame
 * already gone (`senderFrame` is null once it is destroyed or navigated).
 */
export interface FrameLike {
  readonly url: string;
  readonly processId?: number;
  readonly routingId?: number;
}
export interface SenderEvent {
  readonly senderFrame: FrameLike | null;
}

export function isTrustedSender(event: SenderEvent, mainFrame: FrameLike | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainFrame || !sameFrame(frame, mainFrame)) return false;
  return isAppUrl(frame.url);
}

/**
 * Electron hands out one WebFrameMain wrapper per frame, so identity is the
 * check; the (process, routing) pair is the same frame's stable address and
 * covers a wrapper re-created after a renderer swap.
 */
function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  return a.processId !== undefined && a.routingId !== undefined && a.processId === b.processId && a.routingId === b.routingId;
}
