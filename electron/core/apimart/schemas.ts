import { z } from 'zod';
import { PROVIDER_ID_MAX, URL_MAX } from '../../../shared/domain/bounds.js';

/**
 * Zod schemas for what the gateway sends back. They are deliberately loose
 * (unknown keys pass, most fields optional): the contract lists several reply
 * shapes and the client must accept all of them.
 */

const looseNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/**
 * An informational field (progress, cost, times, thumbnail, poll_url …) that comes as `null` or in an
 * unexpected shape reads as absent instead of failing the whole reply: a `"completed": null` on a
 * running task must not turn every poll into a bad reply. Only the fields the queue acts on (task
 * ids, video URLs, the upload URL) stay strict.
 */
const soft = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * Ids and links go into the journal, whose schema bounds them (shared/domain/bounds.ts): one the
 * journal could not load back is refused here, before a job records it.
 */
const providerId = z.string().min(1).max(PROVIDER_ID_MAX);

/** Default shape: `data` is an array of `{status, task_id}`. */
const SubmitArrayData = z.array(z.looseObject({ task_id: providerId, status: soft(z.string()) })).min(1);
/**
 * The provider's suggested wait before the next query of a task, in seconds. Only a positive,
 * finite number counts: a 0 or a negative must not read as "ask again at once".
 */
const pollHint = soft(looseNumber.refine((n) => Number.isFinite(n) && n > 0));

/**
 * Versioned / older / 202 shape: `data` is an object with `id`. With `object: "generation.result"`
 * it is a finished result instead (no task id, the media in the body); its media are read like a
 * task's (see submit-reply.ts), so the rest of it stays loose here.
 */
const SubmitObjectData = z.looseObject({
  object: soft(z.string()),
  id: providerId.optional(),
  task_id: providerId.optional(),
  status: soft(z.string()),
  progress: soft(looseNumber),
  poll_url: soft(z.string()),
  estimated_time: soft(looseNumber),
  task_info: soft(z.looseObject({ estimated_time: soft(looseNumber) })),
  next_poll_after_seconds: pollHint,
});

export const SubmitReplySchema = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  data: z.union([SubmitArrayData, SubmitObjectData]),
  request_id: soft(providerId),
  next_poll_after_seconds: pollHint,
});

/** A link too long for the journal is dropped like any other unusable link (see normaliseTask). */
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
  id: soft(providerId),
  task_id: soft(providerId),
  status: soft(z.string()),
  progress: soft(looseNumber),
  result: z
    .looseObject({
      thumbnail_url: soft(z.string().max(URL_MAX)),
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
  next_poll_after_seconds: pollHint,
});
export const TaskReplySchema = z.looseObject({ data: TaskDataSchema, request_id: soft(providerId), next_poll_after_seconds: pollHint });

export const UploadReplySchema = z.looseObject({
  url: z.string().max(URL_MAX).url(),
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

/**
 * GET /v1/model-schema: a bare object (no `{code,data}` envelope). What Keyframe acts on is
 * whether the model exists for the operation; the exact input rules stay the API's to check.
 * `input_schema` is judged by the model check (model-access.ts): a well-formed reply that
 * describes no usable input is an answer, not a garbled reply to ask again.
 */
export const ModelSchemaReplySchema = z.looseObject({
  model: z.string(),
  operation: z.string(),
  input_schema: z.unknown(),
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
