import { describe, expectTypeOf, it } from 'vitest';
import type { Handlers } from '../../../electron/services/types.js';
import type { OpOutput } from '../../../shared/ipc/channels.js';

/** Compile-time checks (tsc -p tsconfig.test.json): a handler table missing an op does not type-check. */

export function missingSubmit(full: Handlers): Handlers {
  const { submit: _submit, ...jobsWithoutSubmit } = full.jobs;
  // @ts-expect-error jobs.submit is missing, so this is not a Handlers
  const broken: Handlers = { ...full, jobs: jobsWithoutSubmit };
  return broken;
}

export function missingDomain(full: Handlers): Handlers {
  const { balance: _balance, ...withoutBalance } = full;
  // @ts-expect-error the whole balance domain is missing
  const broken: Handlers = withoutBalance;
  return broken;
}

export function wrongOutput(full: Handlers): Handlers {
  // @ts-expect-error hasApiKey must resolve to { hasApiKey: boolean }
  const broken: Handlers = { ...full, settings: { ...full.settings, hasApiKey: async () => ({ hasApiKey: 'yes' }) } };
  return broken;
}

describe('Handlers type', () => {
  it('derives each handler from the contract', () => {
    expectTypeOf<Handlers['jobs']['list']>().returns.resolves.toEqualTypeOf<OpOutput<'jobs', 'list'>>();
    expectTypeOf<Handlers['library']['get']>().parameter(0).toEqualTypeOf<{ id: string }>();
    expectTypeOf<Omit<Handlers['jobs'], 'submit'>>().not.toExtend<Handlers['jobs']>();
  });
});
