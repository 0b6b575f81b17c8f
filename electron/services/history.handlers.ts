import type { ServiceContext } from './context.js';
import type { Handlers } from './types.js';
import { requestView } from './views.js';

/** history:* — the prompts sent, newest first; frames show by name only, like every view. */
export function historyHandlers(ctx: ServiceContext): Handlers['history'] {
  return {
    async list({ search, limit, offset }) {
      const page = await ctx.engine.history.list({ limit, ...(search === undefined ? {} : { search }), ...(offset === undefined ? {} : { offset }) });
      return { total: page.total, items: page.items.map((e) => ({ request: requestView(e.request), lastUsedAt: e.lastUsedAt, uses: e.uses })) };
    },
  };
}
