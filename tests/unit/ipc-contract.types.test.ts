import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENT_LIST, OP_LIST } from '../../shared/ipc/channel-names.js';
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

describe('the contract names without its schemas', () => {
  it('lists exactly the contract operations and events, with the same channels and methods', () => {
    const ops = (list: readonly { channel: string; domain: string; op: string }[]) => list.map((o) => `${o.channel} ${o.domain}.${o.op}`).sort();
    expect(ops(OP_LIST)).toEqual(ops(OPS));
    const evs = (list: readonly { channel: string; method: string }[]) => list.map((e) => `${e.channel} ${e.method}`).sort();
    expect(evs(EVENT_LIST)).toEqual(evs(EVENTS));
  });
});
