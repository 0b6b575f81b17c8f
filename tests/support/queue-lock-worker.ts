/**
 * A separate process that takes queue locks on command (run with `node --import tsx`),
 * so tests can race real processes for the same lock. Messages in:
 * `{ op: 'acquire' | 'release', id, dir }`; out: `{ id, result, detail? }`, and `{ id: 0, result: 'ready' }` once listening.
 */
import { QueueLockedError, acquireQueueLock } from '../../electron/core/jobs/queue-lock.js';

export interface LockCommand {
  op: 'acquire' | 'release';
  id: number;
  dir: string;
}
export interface LockReply {
  id: number;
  result: 'ready' | 'won' | 'locked' | 'released' | 'error';
  detail?: string;
}

const held = new Map<string, () => Promise<void>>();
const reply = (r: LockReply) => process.send?.(r);

process.on('message', (msg: LockCommand) => {
  void (async () => {
    try {
      if (msg.op === 'acquire') {
        held.set(msg.dir, await acquireQueueLock(msg.dir));
        reply({ id: msg.id, result: 'won' });
      } else {
        await held.get(msg.dir)?.();
        held.delete(msg.dir);
        reply({ id: msg.id, result: 'released' });
      }
    } catch (err) {
      if (err instanceof QueueLockedError) reply({ id: msg.id, result: 'locked', detail: err.message });
      else reply({ id: msg.id, result: 'error', detail: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  })();
});
reply({ id: 0, result: 'ready' });
