import { randomUUID } from 'node:crypto';
import { access, constants, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { issueMessage, type IssueMessage } from '../../../shared/issue-message.js';
import {
  GenerationRequestSchema,
  SEED_MAX,
  buildApiBody,
  describeIssues,
  type GenerationRequest,
  type GenerationRequestInput,
} from '../../../shared/domain/generation.js';
import type { Job, JobFrame, Provider } from '../../../shared/domain/job.js';
import type { BatchRef, Lineage, ShotRef } from '../../../shared/domain/shot.js';
import type { RandomSource } from '../ports.js';
import { isDiskFull } from '../util/fs-errors.js';
import { fsRefusal } from '../util/fs-refusal.js';
import { inspectLocalFrame } from '../frames/local-frame.js';

export interface NewJobOptions {
  provider: Provider;
  outputDir: string;
  nameTemplate: string;
  appVersion: string;
  now: number;
  /** Draws the seed of a request that names none (a uniform number in [0, 1)). */
  random: RandomSource;
  retryOf?: string;
  /** The library video this generation continues. */
  lineage?: Lineage;
  /** The batch row it comes from, and the shot its takes belong to. */
  batch?: BatchRef;
  shot?: ShotRef;
}

/**
 * A seed for a request that leaves it to chance. Keyframe draws it rather than the provider, and
 * sends and records it, so every video can be made again: a seed the provider picked is never told.
 */
export function drawSeed(random: RandomSource): number {
  return Math.min(SEED_MAX, Math.max(0, Math.floor(random() * (SEED_MAX + 1))));
}

/** Validates input with the one shared schema; throws a readable AppFailure naming the field. */
export function parseGenerationRequest(input: unknown): GenerationRequest {
  const parsed = GenerationRequestSchema.safeParse(input);
  if (!parsed.success) {
    const lines = describeIssues(parsed.error);
    const first = parsed.error.issues[0];
    const said: IssueMessage = first ? issueMessage(first) : errorMessage('request.invalid');
    throw appFailure('invalid_request', said, { retryable: false, detail: lines.join('\n'), ...(said.field ? { field: said.field } : {}) });
  }
  return parsed.data;
}

/**
 * Builds a new job record: validates the request, draws its seed when it has
 * none, checks local frames (type, size) and records their paths and hashes,
 * and fixes the idempotency key. The record is complete before any request is
 * made; when no upload is needed the exact body is fixed here too.
 */
export async function createJob(input: GenerationRequestInput | GenerationRequest, opts: NewJobOptions): Promise<Job> {
  const parsed = parseGenerationRequest(input);
  const request: GenerationRequest = parsed.seed === undefined ? { ...parsed, seed: drawSeed(opts.random) } : parsed;
  const frames: JobFrame[] = [];
  for (const [role, ref] of [
    ['first', request.first_frame_image],
    ['last', request.last_frame_image],
  ] as const) {
    if (!ref) continue;
    if (ref.kind === 'url') {
      frames.push({ role, sourceUrl: ref.url, uploadedUrl: ref.url });
    } else {
      const path = resolve(ref.path);
      const info = await inspectLocalFrame(path).catch((err: unknown) => {
        throw err instanceof AppFailure ? new AppFailure({ ...err.app, field: `${role}_frame_image` }) : err;
      });
      frames.push({ role, path, sha256: info.sha256, bytes: info.bytes, contentType: info.contentType });
    }
  }
  // Store absolute frame paths so a later resume from another cwd finds them.
  const normalised: GenerationRequest = {
    ...request,
    first_frame_image: withAbsolutePath(request.first_frame_image),
    last_frame_image: withAbsolutePath(request.last_frame_image),
  };
  if (!normalised.first_frame_image) delete normalised.first_frame_image;
  if (!normalised.last_frame_image) delete normalised.last_frame_image;
  await ensureWritableFolder(resolve(opts.outputDir));
  const needsUpload = frames.some((f) => f.path && !f.uploadedUrl);
  const id = randomUUID();
  const job: Job = {
    schema: 'keyframe.job/1',
    id,
    provider: opts.provider,
    createdAt: opts.now,
    updatedAt: opts.now,
    state: 'queued',
    request: normalised,
    idempotencyKey: `keyframe-${id}`,
    frames,
    outputDir: resolve(opts.outputDir),
    nameTemplate: opts.nameTemplate,
    requestIds: [],
    outputs: [],
    linkRefreshed: false,
    attempts: 0,
    polls: 0,
    parked: false,
    nextActionAt: opts.now,
    appVersion: opts.appVersion,
    ...(opts.retryOf ? { retryOf: opts.retryOf } : {}),
    ...(opts.lineage ? { lineage: { ...opts.lineage } } : {}),
    ...(opts.batch ? { batch: { ...opts.batch } } : {}),
    ...(opts.shot ? { shot: { ...opts.shot } } : {}),
  };
  if (!needsUpload) {
    const url = (role: 'first' | 'last') => frames.find((f) => f.role === role)?.uploadedUrl;
    job.body = { ...buildApiBody(normalised, { first: url('first'), last: url('last') }) };
  }
  return job;
}

function withAbsolutePath<T extends GenerationRequest['first_frame_image']>(ref: T): T {
  if (ref && ref.kind === 'file') return { ...ref, path: resolve(ref.path) } as T;
  return ref;
}

/** A paid result must have somewhere to land: check the folder before anything is sent. */
export async function ensureWritableFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (err) {
    // A full disk is fixed by freeing space, not by choosing another folder: say which.
    if (isDiskFull(err)) throw fsRefusal(err, errorMessage('output.full_disk'), 'output');
    throw appFailure('io', errorMessage('output.not_writable', { folder: dir }), { retryable: false, detail: (err as NodeJS.ErrnoException).code });
  }
}
