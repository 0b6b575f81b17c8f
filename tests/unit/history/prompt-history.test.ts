import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PromptHistory } from '../../../electron/core/history/prompt-history.js';
import { silentLogger } from '../../../electron/core/ports.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import { createHarness, type Harness } from '../../support/engine-harness.js';

const req = (prompt: string, extra: Record<string, unknown> = {}) => GenerationRequestSchema.parse({ prompt, ...extra });
let dir: string | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('prompt history', () => {
  it('keeps prompts newest first, one entry per prompt and settings, and searches them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'keyframe-history-'));
    const path = join(dir, 'prompt-history.json');
    const history = new PromptHistory(path, silentLogger);
    history.record(req('a paper boat on a rainy street'), 1);
    history.record(req('a crane folding itself'), 2);
    history.record(req('a paper boat on a rainy street', { duration: 4 }), 3);
    history.record(req('a paper boat on a rainy street'), 4);
    const page = await history.list({ limit: 10 });
    expect(page.items.map((e) => [e.request.prompt, e.request.duration, e.uses, e.lastUsedAt])).toEqual([
      ['a paper boat on a rainy street', 8, 2, 4],
      ['a paper boat on a rainy street', 4, 1, 3],
      ['a crane folding itself', 8, 1, 2],
    ]);
    expect((await history.list({ search: 'BOAT rainy', limit: 10 })).total).toBe(2);
    expect((await history.list({ search: 'crane', limit: 10, offset: 0 })).items.map((e) => e.request.prompt)).toEqual(['a crane folding itself']);
    expect((await history.list({ limit: 1, offset: 1 })).items.map((e) => e.lastUsedAt)).toEqual([3]);

    await history.flush();
    const reread = new PromptHistory(path, silentLogger);
    expect((await reread.list({ limit: 10 })).items.map((e) => e.lastUsedAt)).toEqual([4, 3, 2]);
    expect(JSON.parse(await readFile(path, 'utf8')).schema).toBe('keyframe.prompt-history/1');
  });

  it('is bounded: the oldest entries go', async () => {
    dir = await mkdtemp(join(tmpdir(), 'keyframe-history-'));
    const history = new PromptHistory(join(dir, 'h.json'), silentLogger, 3);
    for (let i = 1; i <= 5; i++) history.record(req(`prompt ${i}`), i);
    const page = await history.list({ limit: 10 });
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.request.prompt)).toEqual(['prompt 5', 'prompt 4', 'prompt 3']);
  });

  it('records every job the queue takes', async () => {
    h = await createHarness();
    await h.submit({ prompt: 'first prompt sent' });
    await h.submit({ prompt: 'second prompt sent', duration: 6 });
    const page = await h.engine.history.list({ limit: 10 });
    expect(page.items.map((e) => e.request.prompt)).toEqual(['second prompt sent', 'first prompt sent']);
  });
});
