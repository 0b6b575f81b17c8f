import { describe, expect, it, vi } from 'vitest';
import { EVENTS, OPS, type EventChannel, type Reply } from '../../../shared/ipc/channels.js';
import type { LogFields, LogLevel } from '../../../electron/core/ports.js';
import { forwardEvents, REFUSED, registerIpc, type IpcDispatcher, type IpcMainLike, type IpcWindow } from '../../../electron/main/ipc/register.js';
import type { FrameLike, SenderEvent } from '../../../electron/main/ipc/sender.js';

type Listener = (event: SenderEvent, input: unknown) => Promise<Reply<unknown>>;

function setup(channels: readonly string[] = OPS.map((o) => o.channel)) {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`twice: ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const mainFrame: FrameLike = { url: 'keyframe://app/index.html', processId: 4, routingId: 1 };
  const sent: [EventChannel, unknown][] = [];
  const win: IpcWindow = { mainFrame: () => mainFrame, send: (c, p) => sent.push([c, p]) };
  const dispatch = vi.fn(async (_channel: string, _raw: unknown, _sender: { trusted: boolean }): Promise<Reply<unknown>> => ({ ok: true, value: 'handled' }));
  const dispatcher: IpcDispatcher = { channels, dispatch };
  const lines: { level: LogLevel; message: string; fields?: LogFields }[] = [];
  const logger = { log: (level: LogLevel, message: string, fields?: LogFields) => void lines.push({ level, message, ...(fields ? { fields } : {}) }) };
  const unregister = registerIpc(ipcMain, win, dispatcher, logger);
  const call = (channel: string, event: SenderEvent, input: unknown = {}) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`not registered: ${channel}`);
    return h(event, input);
  };
  return { handlers, mainFrame, dispatch, call, unregister, sent, win, lines };
}

describe('IPC registration', () => {
  it('registers exactly the contract channels, and unregisters them all', () => {
    const { handlers, unregister } = setup([...OPS.map((o) => o.channel), 'debug:eval']);
    expect([...handlers.keys()].sort()).toEqual(OPS.map((o) => o.channel).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('refuses to start when the dispatcher misses a contract op', () => {
    expect(() => setup(OPS.slice(1).map((o) => o.channel))).toThrow(/does not serve: jobs:submit/);
  });

  it('passes calls from our main frame to the dispatcher as trusted', async () => {
    const { call, mainFrame, dispatch } = setup();
    await expect(call('app:version', { senderFrame: mainFrame }, {})).resolves.toEqual({ ok: true, value: 'handled' });
    expect(dispatch).toHaveBeenCalledWith('app:version', {}, { trusted: true });
  });

  it('refuses foreign frames, other origins and gone frames before the dispatcher', async () => {
    const { call, mainFrame, dispatch, lines } = setup();
    const secret = 'sk-live-abcdef1234567890';
    const senders: (FrameLike | null)[] = [
      // A sub-frame (or another window) showing our own URL: right origin, wrong frame.
      { url: 'keyframe://app/index.html', processId: 4, routingId: 7 },
      { url: 'keyframe://app/index.html' },
      // Our main frame after it was navigated somewhere else.
      { ...mainFrame, url: 'https://evil.example/' },
      { ...mainFrame, url: 'file:///etc/passwd' },
      { ...mainFrame, url: 'keyframe://evil/index.html' },
      { ...mainFrame, url: 'keyframe-media://video/x' },
      { ...mainFrame, url: 'keyframe://user:pw@app/index.html' },
      null,
    ];
    for (const senderFrame of senders) {
      await expect(call('settings:setApiKey', { senderFrame }, { key: secret })).resolves.toEqual(REFUSED);
    }
    expect(dispatch).not.toHaveBeenCalled();
    // The refusal is logged by channel and origin, never with the input.
    expect(lines).toHaveLength(senders.length);
    expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it('forwards only contract events to the window', () => {
    const { sent, win } = setup();
    let emit: ((c: EventChannel, p: unknown) => void) | undefined;
    const stop = vi.fn();
    const unsubscribe = forwardEvents((cb) => {
      emit = cb;
      return stop;
    }, win);
    const first = EVENTS[0];
    if (!emit || !first) throw new Error('no subscription');
    emit(first.channel as EventChannel, [1]);
    emit('debug:leak' as EventChannel, 'x');
    expect(sent).toEqual([[first.channel, [1]]]);
    unsubscribe();
    expect(stop).toHaveBeenCalledOnce();
  });
});
