import type { z } from 'zod';
import { TaskDataSchema, type SubmitReplySchema } from './schemas.js';
import { normaliseTask, type TaskSnapshot } from './task-snapshot.js';

/**
 * What a submit reply says, whichever of its shapes came back (contract §1):
 * a task to poll (`data[0].task_id` or `data.id`), or, rarely, a finished
 * result with the media in the body (`data.object === "generation.result"`,
 * no task id). A result must never read as a bad reply: a bad submit reply is
 * asked again, and asking again for a result that already exists is pointless
 * at best.
 */

/** `data.object` of a synchronous result. */
export const RESULT_OBJECT = 'generation.result';

interface SubmitReplyMeta {
  /** Every request id the reply carried: the `X-Oneapi-Request-Id` header and the body's `request_id`. */
  requestIds: string[];
  /** The provider answered a replay of an earlier submit (`Idempotency-Replayed: true`). */
  replayed: boolean;
}

export interface SubmittedTask extends SubmitReplyMeta {
  kind: 'task';
  taskId: string;
  status?: string;
  estimatedTimeS?: number;
  /** The provider's suggested wait before the first task query, in seconds. */
  nextPollAfterS?: number;
}

export interface SubmittedResult extends SubmitReplyMeta {
  kind: 'result';
  /** The result read like a completed task: its videos, thumbnail, cost and times. */
  result: TaskSnapshot;
}

export type SubmitOutcome = SubmittedTask | SubmittedResult;

type SubmitReply = z.infer<typeof SubmitReplySchema>;

/** The outcome, or undefined when the reply names neither a task nor a result. */
export function readSubmitReply(reply: SubmitReply, headerRequestId: string | undefined, replayed: boolean): SubmitOutcome | undefined {
  const requestIds = uniqueIds([headerRequestId, reply.request_id]);
  const data = reply.data;
  if (Array.isArray(data)) {
    const first = data[0];
    if (!first) return undefined;
    return withHint({ kind: 'task', taskId: first.task_id, requestIds, replayed, status: first.status }, reply.next_poll_after_seconds);
  }
  if (data.object === RESULT_OBJECT) {
    // A result's fields are a task's (result.videos, cost, times); some replies put `videos` beside them.
    const parsed = TaskDataSchema.safeParse(data.result === undefined && data.videos !== undefined ? { ...data, result: { videos: data.videos } } : data);
    if (!parsed.success) return undefined;
    const result = normaliseTask('', { ...parsed.data, status: parsed.data.status ?? 'completed' }, requestIds[0]);
    return { kind: 'result', result, requestIds, replayed };
  }
  const taskId = data.id ?? data.task_id;
  if (!taskId) return undefined;
  return withHint(
    {
      kind: 'task',
      taskId,
      requestIds,
      replayed,
      status: data.status,
      estimatedTimeS: data.task_info?.estimated_time ?? data.estimated_time,
    },
    data.next_poll_after_seconds ?? reply.next_poll_after_seconds,
  );
}

function withHint(task: SubmittedTask, hintS: number | undefined): SubmittedTask {
  return hintS === undefined ? task : { ...task, nextPollAfterS: hintS };
}

function uniqueIds(ids: readonly (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined && id !== ''))];
}
