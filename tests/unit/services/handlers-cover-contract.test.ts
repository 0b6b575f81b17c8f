import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPS } from '../../../shared/ipc/channels.js';
import { createServiceHarness, type ServiceHarness } from './service-harness.js';

/** The Handlers type enforces this at compile time (see handlers.types.test.ts); this checks what actually runs. */
describe('createAppServices covers the contract', () => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await createServiceHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('has a handler function for every op of OPS, and no handler the contract does not name', () => {
    const table = h.services.handlers as unknown as Record<string, Record<string, unknown>>;
    for (const op of OPS) expect(typeof table[op.domain]?.[op.op], op.channel).toBe('function');
    const provided = Object.entries(table).flatMap(([d, ops]) => Object.keys(ops).map((o) => `${d}:${o}`));
    expect(provided.sort()).toEqual(OPS.map((o) => o.channel).sort());
    expect([...h.dispatcher.channels].sort()).toEqual(provided.sort());
  });
});
