import fc from 'fast-check';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { createIpcDispatcher } from '../../../electron/services/ipc-dispatcher.js';
import type { Handlers } from '../../../electron/services/types.js';
import { OPS, type Channel } from '../../../shared/ipc/channels.js';
import { extraKey, notObjectOrMissing } from './fuzz-arbitraries.js';
import { EXTRA_KEY_PATHS, MUTATIONS, setAt } from './fuzz-mutations.js';
import { VALID_INPUTS, VALID_OUTPUTS } from './samples.js';

/**
 * Every channel of the contract, attacked with at least 1,000 malformed
 * payloads (fixed seed, so a failure reproduces): each must be refused as
 * invalid_request before any handler runs. And each channel's hand-written
 * valid sample must get through, proving the refusals are not blanket.
 */

const SEED = 20_260_101;
const RUNS = 1000;
const channels = OPS.map((o) => o.channel as Channel);
const outputs = VALID_OUTPUTS as Record<string, unknown>;

function spyHandlers(): { handlers: Handlers; spies: Map<string, Mock> } {
  const spies = new Map<string, Mock>();
  const handlers: Record<string, Record<string, Mock>> = {};
  for (const op of OPS) {
    const spy = vi.fn(async () => outputs[op.channel]);
    spies.set(op.channel, spy);
    (handlers[op.domain] ??= {})[op.op] = spy;
  }
  return { handlers: handlers as unknown as Handlers, spies };
}

function malformed(channel: Channel): fc.Arbitrary<unknown> {
  const sample = VALID_INPUTS[channel];
  const extraAt = [[], ...(EXTRA_KEY_PATHS[channel] ?? [])];
  return fc.oneof(
    notObjectOrMissing,
    fc
      .tuple(fc.constantFrom(...extraAt), extraKey, fc.anything({ maxDepth: 2 }))
      .map(([path, key, value]) => setAt(sample, [...path, key], value)),
    ...MUTATIONS[channel].map((m) => m.bad.map((v) => setAt(sample, m.path, v))),
  );
}

describe('IPC fuzz: every channel', () => {
  it('has a valid sample, an output sample and a mutation entry for every op (and nothing else)', () => {
    for (const table of [VALID_INPUTS, VALID_OUTPUTS, MUTATIONS]) expect(Object.keys(table).sort()).toEqual([...channels].sort());
  });

  it.each(channels)('%s accepts its valid sample and passes the parsed input to the handler', async (channel) => {
    const { handlers, spies } = spyHandlers();
    const reply = await createIpcDispatcher(handlers).dispatch(channel, structuredClone(VALID_INPUTS[channel]), { trusted: true });
    expect(reply).toEqual({ ok: true, value: VALID_OUTPUTS[channel] });
    expect(spies.get(channel)).toHaveBeenCalledTimes(1);
    const input = spies.get(channel)?.mock.calls[0]?.[0];
    expect(input).toMatchObject(VALID_INPUTS[channel] as object);
  });

  it.each(channels)('%s refuses 1,000 malformed payloads without calling any handler', async (channel) => {
    const { handlers, spies } = spyHandlers();
    const dispatcher = createIpcDispatcher(handlers);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(malformed(channel), async (input) => {
        runs++;
        const reply = await dispatcher.dispatch(channel, input, { trusted: true });
        if (reply.ok || reply.error.code !== 'invalid_request') throw new Error(`accepted or misclassified: ${JSON.stringify(reply).slice(0, 300)}`);
        // Messages are bounded even when the payload echoes a 1 MB key.
        expect(reply.error.message.length).toBeLessThanOrEqual(300);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(runs).toBeGreaterThanOrEqual(RUNS);
    for (const spy of spies.values()) expect(spy).not.toHaveBeenCalled();
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
