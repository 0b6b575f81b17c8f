import type { ConnectionState, HostSocket } from '../host-socket';

/**
 * One call sent before the app has loaded, whose reply is handed to the first
 * caller that asks the very same thing. The page's first library page is asked
 * for while React and the contract's schemas are still evaluating, so the grid
 * does not wait for a round trip after them.
 *
 * A reply kept for later must never be older than what main would answer now:
 * it is dropped as soon as one of the given events arrives (the data changed)
 * or the connection drops (events sent while it was down are lost), and it is
 * handed out once only.
 */
export interface FirstReply {
  /** The reply's promise if this is the call it was asked for and it is still current; otherwise undefined. */
  take(channel: string, input: unknown): Promise<unknown> | undefined;
}

/** `ask` makes the call (over `socket` unless given); `socket`'s events and state say when its reply goes stale. */
export function askFirst(
  socket: HostSocket,
  channel: string,
  input: unknown,
  staleOn: readonly string[],
  ask: () => Promise<unknown> = () => socket.call(channel, input),
): FirstReply {
  const key = JSON.stringify(input);
  let reply: Promise<unknown> | undefined = ask();
  // Nobody may ever take it (another view, other filters): its failure is then nobody's to report.
  reply.catch(() => undefined);
  const offs: (() => void)[] = [];
  const drop = (): void => {
    reply = undefined;
    offs.splice(0).forEach((off) => off());
  };
  for (const event of staleOn) offs.push(socket.subscribe(event, drop));
  offs.push(
    socket.onState((state: ConnectionState) => {
      if (state === 'closed') drop();
    }),
  );
  return {
    take(ch, given) {
      if (!reply || ch !== channel || JSON.stringify(given) !== key) return undefined;
      const taken = reply;
      drop();
      return taken;
    },
  };
}
