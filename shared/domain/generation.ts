import { z } from 'zod';
import { withoutUndefined } from '../util/without-undefined.js';
import { issueParams, schemaMessage } from '../issue-message.js';
import {
  ASPECT_RATIOS,
  MODELS,
  NEGATIVE_PROMPT_MAX_CHARS,
  PERSON_POLICIES,
  PROMPT_MAX_CHARS,
  REQUEST_DEFAULTS,
  RESIZE_MODES,
  RESOLUTIONS,
  SAMPLE_COUNT_MAX,
  SEED_MAX,
} from './generation-options.js';
import { FRAME_URL_MAX_CHARS, publicHttpsUrlIssue } from './public-url.js';

// Everything the zod-free module defines is part of this module's surface too (main, CLI and core import it from here).
export * from './generation-options.js';

/**
 * The one schema for a Veo 3.1 generation request, used by the CLI, the core
 * and the UI. Field names follow the APIMart endpoint so the mapping to the
 * wire body stays obvious; the only difference is that frames may be local
 * files, which the core uploads before submitting (see buildApiBody).
 */

const MODEL_MESSAGE = schemaMessage('request.model', { list: MODELS.join(', ') });
export const ModelSchema = z.enum(MODELS, {
  error: () => MODEL_MESSAGE,
});
export type Model = z.infer<typeof ModelSchema>;

const DURATION_MESSAGE = schemaMessage('request.duration');
const DURATION_TEXT_MESSAGE = schemaMessage('request.duration.text');
export const DurationSchema = z.union([z.literal(4), z.literal(6), z.literal(8)], {
  error: (iss) => (typeof iss.input === 'string' ? DURATION_TEXT_MESSAGE : DURATION_MESSAGE),
});
export type Duration = z.infer<typeof DurationSchema>;

export const AspectRatioSchema = z.enum(ASPECT_RATIOS, { error: schemaMessage('request.aspect_ratio') });
export type AspectRatio = z.infer<typeof AspectRatioSchema>;

export const ResolutionSchema = z.enum(RESOLUTIONS, { error: schemaMessage('request.resolution') });
export type Resolution = z.infer<typeof ResolutionSchema>;

export const PersonGenerationSchema = z.enum(PERSON_POLICIES, { error: schemaMessage('request.person_generation') });

export const ResizeModeSchema = z.enum(RESIZE_MODES, { error: schemaMessage('request.resize_mode') });
export type ResizeMode = z.infer<typeof ResizeModeSchema>;

/**
 * A frame URL for a new request: a public https address without credentials
 * (see public-url.ts). The parsed form is what is kept and sent, so the
 * address checked is byte for byte the address the provider receives.
 */
export const FrameUrlSchema = z
  .string({ error: schemaMessage('frame_url.not_text') })
  .max(FRAME_URL_MAX_CHARS, schemaMessage('frame_url.too_long', { max: FRAME_URL_MAX_CHARS }))
  .transform((s, ctx) => {
    const problem = publicHttpsUrlIssue(s);
    if (problem === undefined) return new URL(s).href;
    ctx.addIssue({ code: 'custom', message: problem.message, input: s, params: issueParams(problem) });
    return z.NEVER;
  });

/**
 * A frame URL as read back from a journal entry or a sidecar. Those records
 * must load under whatever rule was in force when they were written (a job or
 * a video must never vanish from the queue or the library on upgrade); every
 * new request is held to FrameUrlSchema.
 */
const recordedFrameUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, schemaMessage('frame_url.recorded'));

const frameRefWith = <U extends z.ZodType<string, string>>(url: U) =>
  z.discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('file'),
        path: z
          .string({ error: schemaMessage('request.frame_path.not_text') })
          .min(1, schemaMessage('request.frame_path.empty'))
          .max(4096, schemaMessage('request.frame_path.too_long'))
          .refine((p) => !p.includes('\0'), schemaMessage('request.frame_path.nul')),
      }).strict(),
      z.object({ kind: z.literal('url'), url }).strict(),
    ],
    { error: schemaMessage('request.frame') },
  );

/** A frame is either a local image (uploaded by the core) or a public URL. */
export const FrameRefSchema = frameRefWith(FrameUrlSchema);
/** A frame as recorded by an earlier request (see recordedFrameUrl). */
export const RecordedFrameRefSchema = frameRefWith(recordedFrameUrl);
export type FrameRef = z.infer<typeof FrameRefSchema>;

interface PromptMessages {
  /** When the field is missing altogether. */
  required: string;
  notText: string;
  tooLong: string;
  control: string;
}

const PROMPT_REQUIRED = schemaMessage('request.prompt.required');

const promptText = (m: PromptMessages, max: number) =>
  z
    // A missing prompt is a forgotten one: say it is required rather than that it "must be text".
    .string({ error: (iss) => (iss.input === undefined ? m.required : m.notText) })
    .trim()
    .max(max, m.tooLong)
    // Control characters other than tab, newline and carriage return.
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), m.control);

const PROMPT_MESSAGES: PromptMessages = {
  required: PROMPT_REQUIRED,
  notText: schemaMessage('request.prompt.not_text'),
  tooLong: schemaMessage('request.prompt.too_long', { max: PROMPT_MAX_CHARS }),
  control: schemaMessage('request.prompt.control'),
};
// Optional: a missing negative prompt is no problem, so only its other messages can show.
const NEGATIVE_NOT_TEXT = schemaMessage('request.negative_prompt.not_text');
const NEGATIVE_PROMPT_MESSAGES: PromptMessages = {
  required: NEGATIVE_NOT_TEXT,
  notText: NEGATIVE_NOT_TEXT,
  tooLong: schemaMessage('request.negative_prompt.too_long', { max: NEGATIVE_PROMPT_MAX_CHARS }),
  control: schemaMessage('request.negative_prompt.control'),
};
const SEED_WHOLE = schemaMessage('request.seed.whole');
const SEED_RANGE = schemaMessage('request.seed.range', { max: SEED_MAX });
const SAMPLES_WHOLE = schemaMessage('request.sample_count.whole');
const SAMPLES_RANGE = schemaMessage('request.sample_count.range');

const requestShape = {
  model: ModelSchema.default(REQUEST_DEFAULTS.model),
  prompt: promptText(PROMPT_MESSAGES, PROMPT_MAX_CHARS).refine((s) => s.length > 0, PROMPT_REQUIRED),
  negative_prompt: promptText(NEGATIVE_PROMPT_MESSAGES, NEGATIVE_PROMPT_MAX_CHARS)
    .transform((s) => (s === '' ? undefined : s))
    .optional(),
  duration: DurationSchema.default(REQUEST_DEFAULTS.duration),
  aspect_ratio: AspectRatioSchema.default(REQUEST_DEFAULTS.aspect_ratio),
  resolution: ResolutionSchema.default(REQUEST_DEFAULTS.resolution),
  first_frame_image: FrameRefSchema.optional(),
  last_frame_image: FrameRefSchema.optional(),
  seed: z
    .number({ error: SEED_WHOLE })
    .int(SEED_WHOLE)
    .min(0, SEED_RANGE)
    .max(SEED_MAX, SEED_RANGE)
    .optional(),
  sample_count: z
    .number({ error: SAMPLES_WHOLE })
    .int(SAMPLES_WHOLE)
    .min(1, SAMPLES_RANGE)
    .max(SAMPLE_COUNT_MAX, SAMPLES_RANGE)
    .default(REQUEST_DEFAULTS.sample_count),
  generate_audio: z.boolean({ error: schemaMessage('request.generate_audio') }).default(REQUEST_DEFAULTS.generate_audio),
  person_generation: PersonGenerationSchema.default(REQUEST_DEFAULTS.person_generation),
  resize_mode: ResizeModeSchema.optional(),
  // The endpoint rejects `false`: enhancement is always on for these models.
  enhance_prompt: z
    .literal(true, { error: schemaMessage('request.enhance_prompt') })
    .optional(),
};

const NOT_OBJECT = schemaMessage('request.not_object');
const LAST_NEEDS_FIRST = schemaMessage('request.last_needs_first');
const RESIZE_NEEDS_FIRST = schemaMessage('request.resize_needs_first');

/** Rules between settings, the same for a request and for the wire body built from it. */
function checkFrameRules(
  req: { first_frame_image?: unknown; last_frame_image?: unknown; resize_mode?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (req.last_frame_image && !req.first_frame_image) {
    ctx.addIssue({ code: 'custom', path: ['last_frame_image'], message: LAST_NEEDS_FIRST });
  }
  if (req.resize_mode && !req.first_frame_image) {
    ctx.addIssue({ code: 'custom', path: ['resize_mode'], message: RESIZE_NEEDS_FIRST });
  }
}

/**
 * The request schema over a given frame type. The core takes local paths or
 * URLs; the IPC contract takes opaque frame ids or URLs (the page never names
 * files). Every other rule is the same object, so the two cannot drift.
 */
export function generationRequestSchemaWith<F extends z.ZodType>(frame: F) {
  const shape = { ...requestShape, first_frame_image: frame.optional(), last_frame_image: frame.optional() };
  return (
    z
      // zod's defaults ("Unrecognized keys: …", "expected object, received string") named no
      // field; describeIssues also gives each unknown key its own line under its own name.
      .strictObject(shape, {
        error: (iss) =>
          iss.code === 'unrecognized_keys'
            ? `Unknown setting ${iss.keys.map((k) => `“${k}”`).join(', ')}; the settings are: ${Object.keys(shape).join(', ')}.`
            : NOT_OBJECT,
      })
      .superRefine(checkFrameRules)
  );
}

export const GenerationRequestSchema = generationRequestSchemaWith(FrameRefSchema);
/** The request as read back from a journal entry or a sidecar; see RecordedFrameRefSchema. */
export const RecordedGenerationRequestSchema = generationRequestSchemaWith(RecordedFrameRefSchema);

/** What callers pass in (defaults optional). */
export type GenerationRequestInput = z.input<typeof GenerationRequestSchema>;
/** A validated request with defaults applied. */
export type GenerationRequest = z.output<typeof GenerationRequestSchema>;
/** The name of one setting of a request (the same name on the wire). */
export type RequestKey = keyof GenerationRequest;

/**
 * The exact JSON body sent to POST /v1/videos/generations: the request's own
 * settings, except that frames are the http(s) addresses the provider fetches
 * (uploaded by the core, or given). A journal entry may hold a frame address
 * from before the public-https rule, and its body must still describe it, so
 * the wire takes any http(s) address (the rule recorded requests load under).
 */
export const ApiGenerationBodySchema = z
  .strictObject({ ...requestShape, first_frame_image: recordedFrameUrl.optional(), last_frame_image: recordedFrameUrl.optional() })
  .superRefine(checkFrameRules);
export type ApiGenerationBody = z.infer<typeof ApiGenerationBodySchema>;

/** Every setting of a request must say what it becomes on the wire (undefined: left out). */
type WireMapping = { [K in RequestKey]-?: ApiGenerationBody[K] | undefined };

/**
 * Builds the wire body from a validated request and the public URLs of its
 * frames (uploaded or given). Optional fields that are unset are omitted, never
 * sent as null; enhance_prompt is never sent as false. The keys keep a fixed
 * order: the sidecar records the body byte for byte, old and new alike.
 */
export function buildApiBody(req: GenerationRequest, frameUrls: { first?: string; last?: string }): ApiGenerationBody {
  const first = req.first_frame_image ? frameUrl(frameUrls.first, 'first') : undefined;
  const last = req.last_frame_image ? frameUrl(frameUrls.last, 'last') : undefined;
  const body = {
    model: req.model,
    prompt: req.prompt,
    duration: req.duration,
    aspect_ratio: req.aspect_ratio,
    resolution: req.resolution,
    sample_count: req.sample_count,
    generate_audio: req.generate_audio,
    person_generation: req.person_generation,
    negative_prompt: req.negative_prompt || undefined,
    seed: req.seed,
    first_frame_image: first,
    // The provider refuses resize_mode without a first frame, even from a request that skipped the schema.
    resize_mode: first === undefined ? undefined : req.resize_mode,
    last_frame_image: last,
    // The endpoint refuses `false`: enhancement is always on, so only `true` is ever sent.
    enhance_prompt: req.enhance_prompt === true ? (true as const) : undefined,
  } satisfies WireMapping;
  return withoutUndefined(body);
}

function frameUrl(url: string | undefined, role: 'first' | 'last'): string {
  if (!url) throw new Error(`buildApiBody: ${role} frame has no URL yet`);
  return url;
}

/** One readable line per problem, naming the field, for the CLI and the UI. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((iss) => {
    // zod reports unknown keys on the parent object ("request: Unrecognized keys: …"); give each
    // unknown key its own line under its own name, so the line names the field at fault.
    if (iss.code === 'unrecognized_keys') {
      return iss.keys.map((key) => {
        const field = [...iss.path, key].map(String).join('.');
        const where = iss.path.length > 0 ? ` in ${iss.path.map(String).join('.')}` : '';
        return `${field}: Unknown setting “${key}”${where}; remove it or check its spelling.`;
      });
    }
    const field = iss.path.length > 0 ? iss.path.map(String).join('.') : 'request';
    return [`${field}: ${iss.message}`];
  });
}
