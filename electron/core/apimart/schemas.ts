import { z } from 'zod';

/**
 * Zod schemas for what the gateway sends back. They are deliberately loose
 * (unknown keys pass, most fields optional): the contract lists several reply
 * shapes and the client must accept all of them.
 */

const looseNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/**
 * Fix: an informational field (progress, cost, times, thumbnail, poll_url …) that came as `null` or in
 * an unexpected shape used to fail the whole reply, so e.g. `"completed": null` on a running task made
 * every poll a bad_response and the job retried until its links expired. Such a field now reads as
 * absent; only the fields the queue acts on (task ids, video URLs, the upload URL) stay strict.
 */
const soft = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Default shape: `data` is an array of `{status, task_id}`. */
const SubmitArrayData = z.array(z.looseObject({ task_id: z.string().min(1), status: soft(z.string()) })).min(1);
/** Versioned / older / 202 shape: `data` is an object with `id`. */
const SubmitObjectData = z.looseObject({
  id: z.string().min(1).optional(),
  task_id: z.string().min(1).optional(),
  status: soft(z.string()),
  progress: soft(looseNumber),
  poll_url: soft(z.string()),
  estimated_time: soft(looseNumber),
  task_info: soft(z.looseObject({ estimated_time: soft(looseNumber) })),
});

export const SubmitReplySchema = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  data: z.union([SubmitArrayData, SubmitObjectData]),
});

const UrlField = z.union([z.string(), z.array(z.string())]);

export const TaskVideoSchema = z.looseObject({
  url: soft(UrlField),
  urls: soft(UrlField),
  expires_at: soft(looseNumber),
});

export const TaskErrorSchema = z.looseObject({
  message: soft(z.string()),
  code: soft(z.union([z.string(), z.number()])),
  type: soft(z.string()),
});

export const TaskDataSchema = z.looseObject({
  id: soft(z.string()),
  task_id: soft(z.string()),
  status: soft(z.string()),
  progress: soft(looseNumber),
  result: z
    .looseObject({
      thumbnail_url: soft(z.string()),
      videos: z.array(TaskVideoSchema).nullable().optional(),
    })
    .nullable()
    .optional(),
  created: soft(looseNumber),
  completed: soft(looseNumber),
  estimated_time: soft(looseNumber),
  actual_time: soft(looseNumber),
  cost: soft(looseNumber),
  credits_cost: soft(looseNumber),
  error: z.union([TaskErrorSchema, z.string()]).nullable().optional(),
  fail_reason: soft(z.string()),
});
export const TaskReplySchema = z.looseObject({ data: TaskDataSchema });

export const UploadReplySchema = z.looseObject({
  url: z.string().url(),
  filename: soft(z.string()),
  content_type: soft(z.string()),
  bytes: soft(looseNumber),
  created_at: soft(looseNumber),
});

export const BalanceReplySchema = z.looseObject({
  success: z.boolean().optional(),
  message: soft(z.string()),
  remain_balance: soft(looseNumber),
  used_balance: soft(looseNumber),
  unlimited_quota: soft(z.boolean()),
});

export const ModelsReplySchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string() })),
});

export const ErrorEnvelopeSchema = z.looseObject({
  error: z
    .looseObject({
      code: z.union([z.string(), z.number()]).nullable().optional(),
      message: z.string().optional(),
      type: z.string().optional(),
      param: z.string().nullable().optional(),
      request_id: z.string().optional(),
    })
    .optional(),
  message: z.string().optional(),
});
