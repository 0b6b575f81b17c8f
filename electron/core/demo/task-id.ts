import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { RESOLUTIONS } from '../../../shared/domain/generation.js';

/**
 * Self-describing task ids. The demo provider may be restarted (the app quits,
 * the CLI is re-run) while the client still holds a task id; a new server
 * instance that never saw the task must still answer for it. So everything the
 * answer depends on is packed into the id: `task_demo_<base64url(json)>`.
 */

export const TASK_ID_PREFIX = 'task_demo_';

const TaskSpecSchema = z.object({
  /** Creation time, ms since the epoch (by the server's clock). */
  c: z.number().int().nonnegative(),
  /** Time-mode run length in ms ([demo:slow] already applied). */
  t: z.number().int().nonnegative(),
  /** Video seconds per sample. */
  s: z.union([z.literal(4), z.literal(6), z.literal(8)]),
  /** sample_count. */
  n: z.number().int().min(1).max(4),
  a: z.enum(['16:9', '9:16']),
  m: z.enum(['fast', 'quality']),
  /** Resolution (it sets the price); ids from versions that did not pack it decode as 720p, so they still answer. */
  q: z.enum(RESOLUTIONS).default('720p'),
  /** generate_audio. */
  au: z.boolean(),
  /** [demo:slow] marker: polls mode needs 10x the polls. */
  w: z.boolean(),
  /** [demo:fail] marker: the task ends failed. */
  f: z.boolean(),
  /** Sequence number of the task within its server instance. */
  k: z.number().int().nonnegative(),
  /** Nonce: two tasks created in the same millisecond must still differ. */
  r: z.string(),
});

export type TaskSpec = z.infer<typeof TaskSpecSchema>;

export function encodeTaskId(spec: Omit<TaskSpec, 'r'>): string {
  const full: TaskSpec = { ...spec, r: randomBytes(4).toString('hex') };
  return TASK_ID_PREFIX + Buffer.from(JSON.stringify(full), 'utf8').toString('base64url');
}

/** The spec packed in `id`, or undefined when it is not one of ours. */
export function decodeTaskId(id: string): TaskSpec | undefined {
  if (!id.startsWith(TASK_ID_PREFIX)) return undefined;
  const b64 = id.slice(TASK_ID_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(b64)) return undefined;
  try {
    const parsed = TaskSpecSchema.safeParse(JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
