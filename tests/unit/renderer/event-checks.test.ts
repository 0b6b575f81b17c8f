import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { deliverChecked, loadEventSchemas, resetEventChecks } from '../../../renderer/src/event-checks.js';

/**
 * Events main pushes reach page code only once checked against their schema,
 * and the schemas load after the first paint: what arrives before waits, in
 * order, and nothing unchecked or unsubscribed slips through.
 */

const SCHEMAS = new Map<string, z.ZodType>([
  ['jobs:updated', z.array(z.object({ id: z.string() }))],
  ['app:notice', z.object({ text: z.string() })],
]);

/** A schema load the test finishes by hand. */
function manualLoad() {
  let finish: (() => void) | undefined;
  const load = vi.fn(() => new Promise<ReadonlyMap<string, z.ZodType>>((resolve) => (finish = () => resolve(SCHEMAS))));
  return { load, finish: () => finish?.() };
}

afterEach(() => {
  resetEventChecks();
  vi.restoreAllMocks();
});

describe('event checks', () => {
  it('holds events that arrive before the schemas and delivers them in arrival order once loaded', async () => {
    const seen: string[] = [];
    deliverChecked('jobs:updated', [{ id: 'a' }], (p) => seen.push(`jobs ${JSON.stringify(p)}`), () => true);
    deliverChecked('app:notice', { text: 'hello' }, (p) => seen.push(`notice ${JSON.stringify(p)}`), () => true);
    deliverChecked('jobs:updated', [{ id: 'b' }], (p) => seen.push(`jobs ${JSON.stringify(p)}`), () => true);
    expect(seen).toEqual([]);
    const { load, finish } = manualLoad();
    const loaded = loadEventSchemas(load);
    finish();
    await loaded;
    expect(seen).toEqual(['jobs [{"id":"a"}]', 'notice {"text":"hello"}', 'jobs [{"id":"b"}]']);
  });

  it('delivers at once after loading, and loads the schemas only once', async () => {
    const { load, finish } = manualLoad();
    const first = loadEventSchemas(load);
    const second = loadEventSchemas(load);
    finish();
    await Promise.all([first, second]);
    expect(load).toHaveBeenCalledTimes(1);
    const cb = vi.fn();
    deliverChecked('app:notice', { text: 'now' }, cb, () => true);
    expect(cb).toHaveBeenCalledWith({ text: 'now' });
  });

  it('drops a malformed payload or an unknown channel with a warning, never handing it on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { load, finish } = manualLoad();
    const loaded = loadEventSchemas(load);
    finish();
    await loaded;
    const cb = vi.fn();
    deliverChecked('jobs:updated', [{ id: 7 }], cb, () => true);
    deliverChecked('jobs:vanished', {}, cb, () => true);
    expect(cb).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toContain('jobs:updated');
  });

  it('gives nothing to a listener removed while its event waited for the schemas', async () => {
    let live = true;
    const cb = vi.fn();
    deliverChecked('app:notice', { text: 'late' }, cb, () => live);
    live = false;
    const { load, finish } = manualLoad();
    const loaded = loadEventSchemas(load);
    finish();
    await loaded;
    expect(cb).not.toHaveBeenCalled();
  });

  it('strips what the schema strips: page code sees the parsed payload, not the raw one', async () => {
    const { load, finish } = manualLoad();
    const loaded = loadEventSchemas(load);
    finish();
    await loaded;
    const cb = vi.fn();
    deliverChecked('app:notice', { text: 'x', extra: 'dropped' }, cb, () => true);
    expect(cb).toHaveBeenCalledWith({ text: 'x' });
  });
});
