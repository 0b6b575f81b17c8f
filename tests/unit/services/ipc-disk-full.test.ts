import { describe, expect, it, vi, type Mock } from 'vitest';
import { createIpcDispatcher } from '../../../electron/services/ipc-dispatcher.js';
import type { Handlers } from '../../../electron/services/types.js';
import { OPS } from '../../../shared/ipc/channels.js';
import { MemoryLogger } from './fakes.js';
import { VALID_INPUTS, VALID_OUTPUTS } from './samples.js';

/** An errno error the way Node's fs reports it, path and all. */
const fsError = (code: string, path = '/home/someone/.config/Keyframe/settings.json') =>
  Object.assign(new Error(`${code}: no space left on device, write '${path}'`), { code, errno: -28, syscall: 'write', path });

function handlersThrowing(channel: string, err: unknown): Handlers {
  const table: Record<string, Record<string, Mock>> = {};
  for (const op of OPS) {
    const impl = op.channel === channel ? async () => Promise.reject(err) : async () => (VALID_OUTPUTS as Record<string, unknown>)[op.channel];
    (table[op.domain] ??= {})[op.op] = vi.fn(impl);
  }
  return table as unknown as Handlers;
}

describe('the dispatcher and a full disk', () => {
  it.each([
    ['jobs:submit', 'ENOSPC'],
    ['settings:update', 'ENOSPC'],
    ['jobs:pauseQueue', 'EDQUOT'],
    ['library:setFavorite', 'ENOSPC'],
    ['library:setTags', 'EDQUOT'],
  ])('%s failing with %s answers disk_full, “the disk is full”, without the path, and logs it', async (channel, code) => {
    const logger = new MemoryLogger();
    const d = createIpcDispatcher(handlersThrowing(channel, fsError(code)), { logger });
    const reply = await d.dispatch(channel, VALID_INPUTS[channel as keyof typeof VALID_INPUTS], { trusted: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'disk_full', retryable: true, detail: code } });
    if (reply.ok) return;
    expect(reply.error.message).toMatch(/^The disk is full: free some space, then try again\.$/);
    expect(JSON.stringify(reply)).not.toContain('/home/someone');
    expect(logger.lines.some((l) => l.level === 'warn' && l.fields?.channel === channel)).toBe(true);
  });

  it('other file-system errors stay internal: nothing from them reaches the page', async () => {
    const d = createIpcDispatcher(handlersThrowing('settings:update', fsError('EACCES')));
    const reply = await d.dispatch('settings:update', VALID_INPUTS['settings:update'], { trusted: true });
    expect(reply).toEqual({ ok: false, error: { code: 'internal', key: 'internal', message: 'Something went wrong in Keyframe.' } });
  });
});
