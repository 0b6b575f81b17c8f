import type { z } from 'zod';
import type { RequestKey } from '../../../../shared/domain/generation.js';
import { REQUEST_DEFAULTS } from '../../../../shared/domain/generation-options.js';
import type { IpcGenerationRequestSchema } from '../../../../shared/ipc/request-schemas.js';
import type { IssueMessage } from '../../../../shared/issue-message.js';
import type { JobView } from '../../../../shared/ipc/views.js';
import { withoutUndefined } from '../../../../shared/util/without-undefined.js';
import type { ComposeFrame, Draft } from './draft';

/**
 * Draft ⇄ request. Both directions list every setting of the request by name
 * (a mapped type over the request's keys), so a new setting is a compile error
 * here until the form decides what to do with it. The request is checked with
 * the contract's own schema in request-check.ts.
 */

export type IpcRequest = z.output<typeof IpcGenerationRequestSchema>;
export type IpcRequestInput = z.input<typeof IpcGenerationRequestSchema>;
/** A past job's or video's request, as a view carries it. */
export type RecordedRequest = JobView['request'];
/** Where a problem shows: a setting of the request, or the request as a whole. */
export type FieldName = RequestKey | 'request';
/** Field → first message as the form shows it, keyed by the schema's issue path ('prompt', 'seed', 'last_frame_image'…). */
export type FieldErrors = Partial<Record<FieldName, string>>;
/** Field → first issue, as a catalog message (main words the same issue the same way); see use-field-errors. */
export type FieldIssues = Partial<Record<FieldName, IssueMessage>>;

/** What each setting of the request is, given the draft (undefined: left out). */
type ToRequest = { [K in RequestKey]-?: IpcRequestInput[K] | undefined };

export function toRequestInput(d: Draft): IpcRequestInput {
  const request = {
    model: d.model,
    prompt: d.prompt,
    negative_prompt: d.negative_prompt.trim() ? d.negative_prompt : undefined,
    duration: d.duration,
    aspect_ratio: d.aspect_ratio,
    resolution: d.resolution,
    first_frame_image: d.first?.ref,
    last_frame_image: d.last?.ref,
    seed: d.seedMode === 'fixed' ? d.seed : undefined,
    sample_count: d.sample_count,
    generate_audio: d.generate_audio,
    person_generation: d.person_generation,
    // The endpoint refuses a resize mode without a first frame.
    resize_mode: d.first ? d.resize_mode : undefined,
    enhance_prompt: d.enhance_prompt,
  } satisfies ToRequest;
  return withoutUndefined(request);
}

const SHA_FILE = /^([a-f0-9]{64})\.[A-Za-z0-9]+$/;

/** A frame as a job/library view names it → a frame the page can send again (undefined if it cannot). */
export function frameFromView(ref: RecordedRequest['first_frame_image']): ComposeFrame | undefined {
  if (!ref) return undefined;
  if (ref.kind === 'url') return { ref: { kind: 'url', url: ref.url } };
  const name = ref.path.split(/[\\/]/).pop() ?? '';
  const m = SHA_FILE.exec(name);
  return m?.[1] ? { ref: { kind: 'frame', frameId: m[1] }, name } : undefined;
}

/** Draft fields that hold a request setting as is; the seed is a number with a mode beside it. */
type HeldAsIs = Omit<Draft, 'seed'>;
/** What the draft takes from each setting of a request (the draft's own type where it holds it as is). */
type FromRequest = { [K in RequestKey]-?: K extends keyof HeldAsIs ? HeldAsIs[K] : unknown };

/**
 * Every setting of a past job's request, as a draft: composing it again sends
 * the same request. Frames that cannot be reused (a local file outside the
 * frame store) are left out and counted.
 */
export function draftFromRequest(r: RecordedRequest): { draft: Draft; droppedFrames: number } {
  const first = frameFromView(r.first_frame_image);
  // A last frame without its first means nothing to the model.
  const last = first ? frameFromView(r.last_frame_image) : undefined;
  const droppedFrames = (r.first_frame_image && !first ? 1 : 0) + (r.last_frame_image && !last ? 1 : 0);
  const settings = {
    model: r.model,
    prompt: r.prompt,
    negative_prompt: r.negative_prompt ?? '',
    duration: r.duration,
    aspect_ratio: r.aspect_ratio,
    resolution: r.resolution,
    first_frame_image: first,
    last_frame_image: last,
    seed: r.seed,
    sample_count: r.sample_count,
    generate_audio: r.generate_audio,
    person_generation: r.person_generation,
    // With a first frame, exactly what the job asked (unset: the provider's default). Without one
    // the setting says nothing, and the form starts on pad, the provider's default, written out so
    // a new job's sidecar records how its frame was fitted.
    resize_mode: r.first_frame_image ? r.resize_mode : 'pad',
    enhance_prompt: r.enhance_prompt,
  } satisfies FromRequest;
  const { first_frame_image, last_frame_image, seed, ...options } = settings;
  const draft: Draft = {
    ...options,
    seedMode: seed === undefined ? 'random' : 'fixed',
    seed: seed ?? 0,
    ...(first_frame_image ? { first: first_frame_image } : {}),
    ...(last_frame_image ? { last: last_frame_image } : {}),
  };
  return { draft: withoutUndefined(draft), droppedFrames };
}

/** A new draft: the schema's own defaults, through the same mapping as reusing a job. */
export const DEFAULT_DRAFT: Draft = Object.freeze(draftFromRequest({ ...REQUEST_DEFAULTS, prompt: '' }).draft);
