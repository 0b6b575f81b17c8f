import { readWord, splitWords, withPatch, type SearchProblem, type SyntaxFilters } from './filter-syntax';

/**
 * The search box as it is typed in. A finished filter word (a space after it, Enter, or leaving the
 * box) leaves the text and becomes a chip; the word still being typed is neither searched nor judged
 * (`ar:9` on the way to `ar:9:16` is not a mistake yet). Words that are not filters are searched as
 * the person types them.
 */

export interface DraftResult {
  /** What the box shows now: the typed text without the filter words that became chips. */
  draft: string;
  /** The filters with those words added. */
  filters: SyntaxFilters;
  /** The words to search for. */
  text: string;
}

/** True when the last word is still being typed: nothing after it, and the person has not said "done". */
const openTail = (value: string, done: boolean): boolean => !done && value !== '' && !/\s$/u.test(value);

export function applyDraft(value: string, current: SyntaxFilters, done: boolean): DraftResult {
  const words = splitWords(value);
  const open = openTail(value, done);
  let filters = current;
  let moved = false;
  const kept: string[] = [];
  const text: string[] = [];
  words.forEach((word, i) => {
    const read = readWord(word);
    const typing = open && i === words.length - 1;
    if ('patch' in read && !typing) {
      filters = withPatch(filters, read.patch);
      moved = true;
      return;
    }
    kept.push(word);
    if ('text' in read && read.text !== '') text.push(read.text);
  });
  // Untouched unless a word left: rewriting the box under the caret would move it.
  const draft = moved ? kept.join(' ') + (kept.length > 0 && /\s$/u.test(value) ? ' ' : '') : value;
  return { draft, filters, text: text.join(' ') };
}

/** The words to warn about: every filter-looking word that is not a filter, but the one still being typed. */
export function draftProblems(draft: string, done: boolean): SearchProblem[] {
  const words = splitWords(draft);
  const open = openTail(draft, done);
  const problems: SearchProblem[] = [];
  words.forEach((word, i) => {
    if (open && i === words.length - 1) return;
    const read = readWord(word);
    if ('problem' in read) problems.push(read.problem);
  });
  return problems;
}
