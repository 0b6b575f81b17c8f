import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENTS, OPS, type Api, type Channel } from '../../shared/ipc/channels.js';
import type { JobView } from '../../shared/ipc/views.js';

describe('IPC contract derivations', () => {
  it('derives channel names and typed methods', () => {
    expectTypeOf<'jobs:submit'>().toExtend<Channel>();
    expectTypeOf<Api['jobs']['list']>().returns.resolves.toEqualTypeOf<JobView[]>();
    expectTypeOf<Api['jobs']['onUpdated']>().parameter(0).parameter(0).toEqualTypeOf<JobView[]>();
    expect(OPS.map((o) => o.channel)).toContain('settings:setApiKey');
    expect(new Set(OPS.map((o) => o.channel)).size).toBe(OPS.length);
    expect(EVENTS.map((e) => e.method)).toContain('onUpdated');
  });
});
