import type { z } from 'zod';
import { errorMessage, type ErrorMessage } from '../../shared/error-messages.js';
import type { FrameRef, GenerationRequest } from '../../shared/domain/generation.js';
import type { IpcGenerationRequestSchema } from '../../shared/ipc/contract.js';
import { InvalidTransition } from '../core/jobs/job-machine.js';
import type { ServiceContext } from './context.js';
import { duplicateSubmit, invalid, missingKey, notFound } from './failures.js';
import { RecentSubmits, requestFingerprint } from './recent-submits.js';
import type { Handlers } from './types.js';
import { toJobView, toQueueView } from './views.js';

type IpcRequest = z.output<typeof IpcGenerationRequestSchema>;
type IpcFrameRef = NonNullable<IpcRequest['first_frame_image']>;

/**
 * jobs:* — thin: the queue owns every rule about jobs; this maps ids and refs, picks the provider,
 * and holds back a second press of Generate (recent-submits.ts).
 */
export function jobsHandlers(ctx: ServiceContext): Handlers['jobs'] {
  const { queue } = ctx.engine;
  const recent = new RecentSubmits();
  const state = () => toQueueView(queue.state());
  /**
   * A real-provider job with no key would only fail at its first request: say so before queueing it.
   * With a key, the balance is fetched now (unless a fresh one is known), so the budget check can
   * refuse a job the balance cannot pay for before it is sent; the reply does not wait for it.
   */
  const requireKeyFor = async (provider: 'apimart' | 'demo') => {
    if (provider !== 'apimart') return;
    if (!(await ctx.keys.has())) throw missingKey();
    ctx.money.balance.refresh(() => ctx.engine.clientFor('apimart').balance(), () => ctx.clock.now());
  };
  const existing = (id: string) => {
    const job = queue.get(id);
    if (!job) throw notFound('job');
    return job;
  };

  return {
    async submit({ request, confirmDuplicate, lineage }) {
      const settings = ctx.settings();
      const provider = settings.demoMode ? 'demo' : 'apimart';
      await requireKeyFor(provider);
      // Checked and marked with no await in between: two presses arriving together cannot both pass.
      const fingerprint = requestFingerprint(request, provider);
      const now = ctx.clock.now();
      const since = recent.sinceLast(fingerprint, now);
      if (since !== undefined && confirmDuplicate !== true) throw duplicateSubmit(since);
      const unmark = recent.mark(fingerprint, now);
      try {
        const job = await queue.submit(await resolveFrames(ctx, request), {
          provider,
          outputDir: settings.outputDir,
          nameTemplate: settings.nameTemplate,
          ...(lineage ? { lineage } : {}),
        });
        return toJobView(job);
      } catch (err) {
        unmark();
        throw err;
      }
    },
    list: async () => queue.list().map(toJobView),
    async retry({ id }) {
      await requireKeyFor(existing(id).provider);
      return toJobView(await queue.retry(id));
    },
    async stop({ id }) {
      existing(id);
      return toJobView(await explainTransition(() => queue.stop(id), errorMessage('job.nothing_to_stop')));
    },
    async resume({ id }) {
      await requireKeyFor(existing(id).provider);
      return toJobView(await explainTransition(() => queue.resumeJob(id), errorMessage('job.cannot_continue')));
    },
    async approve({ id }) {
      await requireKeyFor(existing(id).provider);
      return toJobView(await explainTransition(() => queue.approve(id), errorMessage('budget.not_waiting')));
    },
    queueState: async () => state(),
    async pauseQueue() {
      await queue.setPaused(true);
      return state();
    },
    async resumeQueue() {
      await queue.setPaused(false);
      return state();
    },
  };
}

/** The state machine refuses a command that makes no sense in the job's state: say why, as a request error. */
async function explainTransition<T>(run: () => Promise<T>, message: ErrorMessage): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InvalidTransition) throw invalid('id', message);
    throw err;
  }
}

/** Imported frames (opaque ids) become files in the frame store; URLs pass through. */
export async function resolveFrames(ctx: ServiceContext, req: IpcRequest): Promise<GenerationRequest> {
  const resolve = async (ref: IpcFrameRef | undefined, field: string): Promise<FrameRef | undefined> => {
    if (!ref) return undefined;
    if (ref.kind === 'url') return ref;
    const found = await ctx.frames.find(ref.frameId);
    if (!found) throw notFound('frame', field);
    return { kind: 'file', path: found.path };
  };
  const first = await resolve(req.first_frame_image, 'request.first_frame_image');
  const last = await resolve(req.last_frame_image, 'request.last_frame_image');
  const { first_frame_image: _first, last_frame_image: _last, ...rest } = req;
  return { ...rest, ...(first ? { first_frame_image: first } : {}), ...(last ? { last_frame_image: last } : {}) };
}
