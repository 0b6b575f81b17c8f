import type { z } from 'zod';
import { describeIssues } from '../../shared/domain/generation.js';
import { OPS, type Reply } from '../../shared/ipc/channels.js';
import { silentLogger, type Logger } from '../core/ports.js';
import { INTERNAL, UNKNOWN_OPERATION, UNTRUSTED, appFailureReply, invalidInputReply, replyError, replyOk } from './reply.js';
import type { Handlers } from './types.js';

export * from './reply.js';

/**
 * The one gate between an untrusted page and the handlers, shared by
 * Electron's ipcMain and the browser host's WebSocket. In order: refuse an
 * untrusted sender before looking at anything else; refuse unknown channels;
 * parse the input with the op's schema (strict: unknown keys, `__proto__`
 * included, are refused, and the handler only ever sees the parser's fresh
 * copy); run the handler; parse its result with the output schema, so a
 * field the contract does not name never reaches the page. It never throws.
 */

export interface IpcSender {
  /** Set by the transport: our own main frame (Electron) or a client that presented the run's token (host). */
  trusted: boolean;
}

export interface IpcDispatcher {
  readonly channels: readonly string[];
  dispatch(channel: string, rawInput: unknown, sender: IpcSender): Promise<Reply<unknown>>;
}

interface Route {
  input: z.ZodType;
  output: z.ZodType;
  run(input: unknown): Promise<unknown>;
}

export function createIpcDispatcher(handlers: Handlers, opts: { logger?: Logger } = {}): IpcDispatcher {
  const log = opts.logger ?? silentLogger;
  // A Map, not an object: a channel named "__proto__" or "constructor" finds nothing.
  const routes = new Map<string, Route>();
  const byDomain = handlers as unknown as Record<string, Record<string, unknown>>;
  for (const op of OPS) {
    const domain = Object.hasOwn(byDomain, op.domain) ? byDomain[op.domain] : undefined;
    const fn = domain && Object.hasOwn(domain, op.op) ? domain[op.op] : undefined;
    // The Handlers type makes this unreachable from typed code; a hand-built object still fails loudly at start.
    if (typeof fn !== 'function') throw new Error(`No handler for ${op.channel}`);
    routes.set(op.channel, { input: op.input, output: op.output, run: (input) => Promise.resolve(fn.call(domain, input)) });
  }

  async function dispatch(channel: string, rawInput: unknown, sender: IpcSender): Promise<Reply<unknown>> {
    if (sender?.trusted !== true) {
      log.log('warn', 'ipc: refused a request from an untrusted sender', { channel: String(channel).slice(0, 100) });
      return replyError(UNTRUSTED);
    }
    const route = typeof channel === 'string' ? routes.get(channel) : undefined;
    if (!route) return replyError(UNKNOWN_OPERATION);
    const parsed = route.input.safeParse(rawInput);
    if (!parsed.success) return replyError(invalidInputReply(parsed.error));
    let value: unknown;
    try {
      value = await route.run(parsed.data);
    } catch (err) {
      const known = appFailureReply(err);
      if (known?.code === 'disk_full') log.log('warn', 'ipc: refused, the disk is full', { channel, detail: known.detail });
      if (known) return replyError(known);
      log.log('error', 'ipc: handler failed', { channel, error: err, stack: err instanceof Error ? err.stack : undefined });
      return replyError(INTERNAL);
    }
    const out = route.output.safeParse(value);
    if (!out.success) {
      log.log('error', 'ipc: reply does not match the contract', { channel, issues: describeIssues(out.error).slice(0, 10) });
      return replyError(INTERNAL);
    }
    return replyOk(out.data);
  }

  return {
    channels: [...routes.keys()],
    async dispatch(channel, rawInput, sender) {
      try {
        return await dispatch(channel, rawInput, sender);
      } catch (err) {
        // A schema that throws (a getter on a structured-cloned object?) must not crash the transport.
        log.log('error', 'ipc: dispatch failed', { error: err });
        return replyError(INTERNAL);
      }
    },
  };
}
