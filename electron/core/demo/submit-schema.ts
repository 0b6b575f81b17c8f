import { z } from 'zod';

/**
 * The wire body of POST /v1/videos/generations as the real endpoint checks it.
 * Deliberately separate from shared/domain/generation.ts: this is the server's
 * view (frames are URLs, messages mimic the provider), and a client bug that the
 * shared schema would hide must still be caught here.
 */

export const FAKE_MODELS = ['veo3.1-fast-official', 'veo3.1-quality-official'] as const;
export type FakeModel = (typeof FAKE_MODELS)[number];

const publicUrl = z.string({ error: 'must be a string URL' }).refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be a public http(s) URL (data URIs are not accepted)');

const SubmitBodySchema = z
  .strictObject(
    {
      model: z.enum(FAKE_MODELS, { error: `model must be one of ${FAKE_MODELS.join(', ')}` }),
      prompt: z.string({ error: 'prompt is required' }).refine((s) => s.trim().length > 0, 'prompt is required'),
      negative_prompt: z.string({ error: 'must be a string' }).optional(),
      // A quoted "8" is an error on the real endpoint, so only JSON numbers pass.
      duration: z.union([z.literal(4), z.literal(6), z.literal(8)], { error: 'duration must be an integer: 4, 6 or 8' }).default(8),
      aspect_ratio: z.enum(['16:9', '9:16'], { error: 'aspect_ratio must be 16:9 or 9:16' }).default('16:9'),
      resolution: z.enum(['720p', '1080p', '4K'], { error: 'resolution must be 720p, 1080p or 4K' }).default('720p'),
      first_frame_image: publicUrl.optional(),
      last_frame_image: publicUrl.optional(),
      seed: z.int({ error: 'seed must be an integer from 0 to 4294967295' }).min(0).max(4_294_967_295).optional(),
      sample_count: z.int({ error: 'sample_count must be an integer from 1 to 4' }).min(1).max(4).default(1),
      generate_audio: z.boolean({ error: 'generate_audio must be a boolean' }).default(false),
      person_generation: z.enum(['allow_adult', 'disallow'], { error: 'person_generation must be allow_adult or disallow' }).default('allow_adult'),
      resize_mode: z.enum(['pad', 'crop'], { error: 'resize_mode must be pad or crop' }).optional(),
      enhance_prompt: z.literal(true, { error: 'enhance_prompt can only be true for this model; omit it instead' }).optional(),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown parameter: ${iss.keys.join(', ')}` : 'body must be a JSON object') },
  )
  .superRefine((b, ctx) => {
    if (b.last_frame_image !== undefined && b.first_frame_image === undefined) {
      ctx.addIssue({ code: 'custom', path: ['last_frame_image'], message: 'last_frame_image requires first_frame_image' });
    }
    if (b.resize_mode !== undefined && b.first_frame_image === undefined) {
      ctx.addIssue({ code: 'custom', path: ['resize_mode'], message: 'resize_mode is only supported for image-to-video (first_frame_image)' });
    }
  });

export type SubmitBody = z.output<typeof SubmitBodySchema>;

export type SubmitValidation = { ok: true; body: SubmitBody } | { ok: false; message: string; param?: string };

/** Validates a parsed JSON body; the first problem becomes the 400 message. */
export function validateSubmitBody(raw: unknown): SubmitValidation {
  const parsed = SubmitBodySchema.safeParse(raw);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, message: 'invalid request body' };
  const param = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message = param && !issue.message.startsWith(param) ? `${param}: ${issue.message}` : issue.message;
  return param === undefined ? { ok: false, message } : { ok: false, message, param };
}
