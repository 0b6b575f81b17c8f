import type { z } from 'zod';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import type { IssueMessage } from '../../shared/issue-message.js';
import { IpcGenerationRequestSchema, type BatchSourceSchema, type BatchDefaultsSchema } from '../../shared/ipc/contract.js';
import { looksLikeUrl } from '../core/batch/batch-cells.js';
import { planBatch, planProblems, summarize, type BatchPlan } from '../core/batch/batch-plan.js';
import { readBatchSource } from '../core/batch/batch-source.js';
import { expandSweep } from '../core/batch/sweep.js';
import type { BudgetCheckView } from '../../shared/ipc/views.js';
import type { ServiceContext } from './context.js';
import { missingKey } from './failures.js';
import { resolveFrames } from './jobs.handlers.js';
import type { Handlers } from './types.js';
import { toBatchView } from './views.js';

type IpcRequest = z.output<typeof IpcGenerationRequestSchema>;
type Source = z.output<typeof BatchSourceSchema>;
type Defaults = z.output<typeof BatchDefaultsSchema>;

/**
 * A frame written in a row the page sent: an imported frame by its id, or else a URL. The
 * page never names files on this computer, so anything else is checked (and refused) as a URL.
 */
const frameFromText = (text: string): unknown => (/^[a-f0-9]{64}$/.test(text) && !looksLikeUrl(text) ? { kind: 'frame', frameId: text } : { kind: 'url', url: text });

/** batch:* — the planner and the batches in the core decide; this reads sources, resolves imported frames and picks the provider. */
export function batchHandlers(ctx: ServiceContext): Handlers['batch'] {
  const { batches } = ctx.engine;
  const plan = async (source: Source, defaults: Defaults): Promise<BatchPlan<IpcRequest>> => {
    const read = source.kind === 'sweep' ? expandSweep(source, Math.random) : readBatchSource(source.kind, source.text);
    return checkImportedFrames(ctx, planBatch(read, defaults, { schema: IpcGenerationRequestSchema, frameFromText }));
  };

  return {
    async plan({ source, defaults }) {
      const planned = await plan(source, defaults);
      return { ...planned, budget: await budgetCheck(ctx, planned.total.usd) };
    },
    async queue({ source, defaults, name }) {
      const planned = await plan(source, defaults);
      if (!planned.ok) {
        const problems = planProblems(planned);
        const count = planned.rows.filter((r) => r.errors.length > 0).length || 1;
        throw appFailure('invalid_request', errorMessage(count === 1 ? 'batch.has_errors.one' : 'batch.has_errors.many', { count }), {
          retryable: false,
          detail: problems.map((p) => `${p.row === undefined ? '' : `row ${p.row}: `}${p.field ? `${p.field}: ` : ''}${p.message}`).join('\n'),
        });
      }
      const settings = ctx.settings();
      const provider = settings.demoMode ? 'demo' : 'apimart';
      if (provider === 'apimart' && !(await ctx.keys.has())) throw missingKey();
      const rows = [];
      for (const r of planned.rows) {
        if (!r.request) continue;
        rows.push({ row: r.row, ...(r.label ? { label: r.label } : {}), request: await resolveFrames(ctx, r.request) });
      }
      const queued = await batches.queue({
        source: source.kind,
        ...(name ? { name } : {}),
        rows,
        provider,
        outputDir: settings.outputDir,
        nameTemplate: settings.nameTemplate,
      });
      return toBatchView(queued);
    },
    list: async () => batches.list().map(toBatchView),
    pause: async ({ id }) => toBatchView(await batches.setPaused(id, true)),
    resume: async ({ id }) => toBatchView(await batches.setPaused(id, false)),
  };
}

/** The batch's total against the caps and the balance, for the provider its jobs would go to. */
async function budgetCheck(ctx: ServiceContext, totalUsd: number): Promise<BudgetCheckView> {
  const provider = ctx.settings().demoMode ? 'demo' : 'apimart';
  const { check, balance, verdict } = await ctx.money.previewAmount(totalUsd, provider);
  return {
    provider,
    ...check,
    ...(balance !== undefined && !balance.unlimited && balance.remainUsd !== undefined ? { balanceUsd: balance.remainUsd } : {}),
    verdict: verdict.kind,
  };
}

/** An imported frame that is gone (the store was cleared) is a row problem in the dry run, not a failure when queueing. */
async function checkImportedFrames(ctx: ServiceContext, plan: BatchPlan<IpcRequest>): Promise<BatchPlan<IpcRequest>> {
  const present = new Map<string, boolean>();
  const rows = [];
  for (const r of plan.rows) {
    const errors: IssueMessage[] = [...r.errors];
    for (const field of ['first_frame_image', 'last_frame_image'] as const) {
      const ref = r.request?.[field];
      if (ref?.kind !== 'frame') continue;
      if (!present.has(ref.frameId)) present.set(ref.frameId, (await ctx.frames.find(ref.frameId)) !== undefined);
      if (!present.get(ref.frameId)) errors.push({ ...errorMessage('image.gone'), field });
    }
    rows.push(errors.length === r.errors.length ? r : { ...r, errors });
  }
  return summarize(rows, plan.errors);
}
