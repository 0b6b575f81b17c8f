import { EVENTS, OPS, type Reply } from '../../../shared/ipc/channels.js';
import type { EventChannel } from '../../../shared/ipc/channels.js';
import type { Logger } from '../../core/ports.js';
import { UNTRUSTED } from '../../services/reply.js';
import { isTrustedSender, type FrameLike, type SenderEvent } from './sender.js';

/**
 * The contract, and only the contract, on ipcMain. Every handler checks its
 * sender before anything else; an untrusted call is answered with a refusal
 * here and never reaches the dispatcher, so no parsing, no handler, no side
 * effect runs for it. Replies are `Reply` envelopes because Electron flattens
 * thrown errors to strings and would lose the code.
 */

export interface IpcDispatcher {
  readonly channels: readonly string[];
  dispatch(channel: string, rawInput: unknown, sender: { trusted: boolean }): Promise<Reply<unknown>>;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, input: unknown) => Promise<Reply<unknown>>): void;
  removeHandler(channel: string): void;
}

/** The window side: its main frame (for the sender check) and a way to push events. */
export interface IpcWindow {
  mainFrame(): FrameLike | undefined;
  send(channel: EventChannel, payload: unknown): void;
}

/** The same refusal the dispatcher gives an untrusted sender, answered here without calling it. */
export const REFUSED: Reply<never> = { ok: false, error: UNTRUSTED };

export function registerIpc(ipcMain: IpcMainLike, win: IpcWindow, dispatcher: IpcDispatcher, logger: Logger): () => void {
  const served = new Set(dispatcher.channels);
  const channels = OPS.map((o) => o.channel);
  const missing = channels.filter((c) => !served.has(c));
  // A contract op without a handler is a build error in the services; fail loudly rather than hang the page.
  if (missing.length > 0) throw new Error(`IPC dispatcher does not serve: ${missing.join(', ')}`);

  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event, win.mainFrame())) {
        // Log the channel and origin only: never the input, which may hold the API key.
        logger.log('warn', 'Refused IPC call from an untrusted sender', { channel, frameUrl: event.senderFrame?.url ?? null });
        return REFUSED;
      }
      return dispatcher.dispatch(channel, input, { trusted: true });
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

const EVENT_CHANNELS: ReadonlySet<string> = new Set(EVENTS.map((e) => e.channel));

/** Forwards service events to the page; only contract event channels ever leave main. */
export function forwardEvents(subscribe: (cb: (channel: EventChannel, payload: unknown) => void) => () => void, win: IpcWindow): () => void {
  return subscribe((channel, payload) => {
    if (EVENT_CHANNELS.has(channel)) win.send(channel, payload);
  });
}
