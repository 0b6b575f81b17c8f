import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPromptHistory, PROMPT_HISTORY_KEY, PROMPT_HISTORY_MAX, recallIndex, rememberPrompt } from '../../../renderer/src/features/compose/prompt-history.js';
import { MemoryStorage } from './support/memory-storage.js';

/** The prompts sent from this page, for ↑ in the prompt bar. */

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('rememberPrompt', () => {
  it('keeps the newest first, once each: sending one again moves it up', () => {
    rememberPrompt('a fox');
    rememberPrompt('a boat');
    expect(rememberPrompt('a fox')).toEqual(['a fox', 'a boat']);
    expect(loadPromptHistory()).toEqual(['a fox', 'a boat']);
  });

  it('ignores a blank prompt', () => {
    rememberPrompt('a fox');
    expect(rememberPrompt('   ')).toEqual(['a fox']);
  });

  it(`keeps at most ${PROMPT_HISTORY_MAX}`, () => {
    for (let i = 0; i < PROMPT_HISTORY_MAX + 10; i++) rememberPrompt(`shot ${i}`);
    const list = loadPromptHistory();
    expect(list).toHaveLength(PROMPT_HISTORY_MAX);
    expect(list[0]).toBe(`shot ${PROMPT_HISTORY_MAX + 9}`);
  });

  it('survives a full storage and a damaged list', () => {
    storage.failWrites = true;
    expect(() => rememberPrompt('a fox')).not.toThrow();
    storage.failWrites = false;
    storage.setItem(PROMPT_HISTORY_KEY, '{not json');
    expect(loadPromptHistory()).toEqual([]);
    storage.setItem(PROMPT_HISTORY_KEY, JSON.stringify(['ok', 42, '', null]));
    expect(loadPromptHistory()).toEqual(['ok']);
  });
});

describe('recallIndex', () => {
  it('steps older with ↑ and newer with ↓, back to the own text at -1, and no further', () => {
    expect(recallIndex(3, -1, 1)).toBe(0);
    expect(recallIndex(3, 1, 1)).toBe(2);
    expect(recallIndex(3, 2, 1)).toBeUndefined();
    expect(recallIndex(3, 0, -1)).toBe(-1);
    expect(recallIndex(3, -1, -1)).toBeUndefined();
    expect(recallIndex(0, -1, 1)).toBeUndefined();
  });
});
