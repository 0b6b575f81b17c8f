/**
 * Prompts sent from this page, newest first, for ↑ in the prompt bar. Only a
 * short local list: the job journal is the real history.
 */

export const PROMPT_HISTORY_KEY = 'keyframe.prompts.v1';
export const PROMPT_HISTORY_MAX = 50;

export function loadPromptHistory(): string[] {
  try {
    const raw = localStorage.getItem(PROMPT_HISTORY_KEY);
    const list: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && p.trim() !== '').slice(0, PROMPT_HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

/** Puts the prompt first (once: sending it again moves it up) and returns the new list. */
export function rememberPrompt(prompt: string): string[] {
  if (prompt.trim() === '') return loadPromptHistory();
  const list = [prompt, ...loadPromptHistory().filter((p) => p !== prompt)].slice(0, PROMPT_HISTORY_MAX);
  try {
    localStorage.setItem(PROMPT_HISTORY_KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: recall just knows less.
  }
  return list;
}

/**
 * Where ↑ (older, +1) or ↓ (newer, -1) moves from `index` (-1: the person's own
 * text, not a recalled one). Undefined when there is nowhere to go.
 */
export function recallIndex(length: number, index: number, step: 1 | -1): number | undefined {
  const next = index + step;
  if (next < -1 || next >= length) return undefined;
  return next;
}
