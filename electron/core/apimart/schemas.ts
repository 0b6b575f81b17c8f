import { z } from 'zod';

/**
 * Zod schemas for what the gateway sends back. They are deliberately loose
 * (unknown keys pass, most fields optional): the contract lists several reply
 * shapes and the client must accept all of them.
 */

const looseNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** Default shape: `data` is an array of `{status, task_id}`. */
const SubmitArrayData = z.array(z.looseObject({ task_id: z.string().min(1), status: z.string().optional() })).min(1);
/** Versioned / older / 202 shape: `data` is an object with `id`. */
const SubmitObjectData = z.looseObject({
  id: z.string().min(1).optional(),
  task_id: z.string().min(1).optional(),
  status: z.string().optional(),
  progress: looseNumber.optional(),
  poll_url: z.string().optional(),
  estimated_time: looseNumber.optional(),
  task_info: z.looseObject({ estimated_time: looseNumber.optional() }).optional(),
});

export const SubmitReplySchema = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  data: z.union([SubmitArrayData, SubmitObjectData]),
});

const UrlField = z.union([z.string(), z.array(z.string())]);

export const TaskVideoSchema = z.looseObject({
  url: UrlField.optional(),
  urls: UrlField.optional(),
  expires_at: looseNumber.optional(),
});

export const TaskErrorSchema = z.looseObject({
  message: z.string().optional(),
  code: z.union([z.string(), z.number()]).optional(),
  type: z.string().optional(),
});

export const TaskDataSchema = z.looseObject({
  id: z.string().optional(),
  task_id: z.string().optional(),
  status: z.string().optional(),
  progress: looseNumber.optional(),
  result: z
    .looseObject({
      thumbnail_url: z.string().optional(),
      videos: z.array(TaskVideoSchema).optional(),
    })
    .nullable()
    .optional(),
  created: looseNumber.optional(),
  completed: looseNumber.optional(),
  estimated_time: looseNumber.optional(),
  actual_time: looseNumber.optional(),
  cost: looseNumber.optional(),
  credits_cost: looseNumber.optional(),
  error: z.union([TaskErrorSchema, z.string()]).nullable().optional(),
  fail_reason: z.string().optional(),
});
export const TaskReplySchema = z.looseObject({ data: TaskDataSchema });

export const UploadReplySchema = z.looseObject({
  url: z.string().url(),
  filename: z.string().optional(),
  content_type: z.string().optional(),
  bytes: looseNumber.optional(),
  created_at: looseNumber.optional(),
});

export const BalanceReplySchema = z.looseObject({
  success: z.boolean().optional(),
  message: z.string().optional(),
  remain_balance: looseNumber.optional(),
  used_balance: looseNumber.optional(),
  unlimited_quota: z.boolean().optional(),
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
