/**
 * What sets one prompt apart from the others it is compared with, word by word. Pure.
 *
 * Words are matched with a longest common subsequence (the order of a prompt matters: "a fox chasing a
 * hare" is not "a hare chasing a fox"), case and surrounding punctuation aside. A word of a prompt is
 * shared when it is matched against EVERY other prompt; the runs of words that are not are what this
 * prompt adds. What it lacks is what all the others share and it does not have.
 */

export type PromptDifference =
  /** The same words as the others, give or take `added` and `removed` runs (each a phrase, in prompt order). */
  | { kind: 'edited'; added: string[]; removed: string[] }
  /** Too little in common for a word list to help: the prompt's opening words instead. */
  | { kind: 'rewritten'; excerpt: string };

/** Below this share of words held in common, a list of edits reads worse than the prompt itself. */
const REWRITTEN_BELOW = 0.4;
/** Prompts can run to 4,000 characters; a diff of their first words is all a caption shows anyway. */
const MAX_WORDS = 600;
const MAX_RUNS = 3;
const MAX_RUN_WORDS = 6;
const EXCERPT_WORDS = 8;

const words = (prompt: string): string[] => prompt.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
const norm = (word: string): string => word.toLocaleLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');

/** For each word of `a`, whether the LCS with `b` matches it. */
function matched(a: readonly string[], b: readonly string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: LCS length of a[i..] and b[j..], flattened.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] = a[i] === b[j] ? (lcs[at(i + 1, j + 1)] ?? 0) + 1 : Math.max(lcs[at(i + 1, j)] ?? 0, lcs[at(i, j + 1)] ?? 0);
    }
  }
  const out = new Array<boolean>(n).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out[i] = true;
      i++;
      j++;
    } else if ((lcs[at(i + 1, j)] ?? 0) >= (lcs[at(i, j + 1)] ?? 0)) i++;
    else j++;
  }
  return out;
}

/** Maximal runs of the words not flagged, as phrases (at most MAX_RUNS, each cut to MAX_RUN_WORDS). */
function runs(original: readonly string[], normalized: readonly string[], keep: readonly boolean[]): string[] {
  const out: string[][] = [];
  let run: string[] | undefined;
  original.forEach((word, i) => {
    // A word of punctuation alone ("—", "&") neither makes nor breaks a run.
    if (normalized[i] === '') return;
    if (keep[i]) run = undefined;
    else {
      if (!run) out.push((run = []));
      run.push(word);
    }
  });
  return out.slice(0, MAX_RUNS).map((r) => {
    const text = r.slice(0, MAX_RUN_WORDS).join(' ').replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
    return r.length > MAX_RUN_WORDS ? `${text}…` : text;
  });
}

/** Flags each word of `self` that every one of `others` matches (all of them, when there are no others). */
function sharedWith(self: readonly string[], others: readonly (readonly string[])[]): boolean[] {
  const flags = self.map(() => true);
  for (const other of others) matched(self, other).forEach((hit, i) => (flags[i] = (flags[i] ?? false) && hit));
  return flags;
}

/**
 * Each prompt's difference from the others, in their order. Identical prompts (every take of one job)
 * give `edited` with nothing added or removed: the caller leaves the prompt out when all are alike.
 */
export function promptDifferences(prompts: readonly string[]): PromptDifference[] {
  const original = prompts.map(words);
  const normalized = original.map((ws) => ws.map(norm));
  return original.map((own, i) => {
    const mine = normalized[i] ?? [];
    const others = normalized.filter((_, j) => j !== i);
    const shared = sharedWith(mine, others);
    const counted = mine.filter((w) => w !== '').length;
    const common = mine.filter((w, k) => w !== '' && shared[k]).length;
    if (counted > 0 && common / counted < REWRITTEN_BELOW) {
      const excerpt = own.slice(0, EXCERPT_WORDS).join(' ');
      return { kind: 'rewritten', excerpt: own.length > EXCERPT_WORDS ? `${excerpt}…` : excerpt };
    }
    const added = runs(own, mine, shared);
    // What the others all share that this one lacks, read along the first other prompt.
    const firstOther = prompts.findIndex((_, j) => j !== i);
    const refOriginal = original[firstOther] ?? [];
    const refNorm = normalized[firstOther] ?? [];
    const refShared = sharedWith(
      refNorm,
      normalized.filter((_, j) => j !== i && j !== firstOther),
    );
    const inMine = matched(refNorm, mine);
    const removed = runs(
      refOriginal,
      refNorm,
      refNorm.map((_, k) => !(refShared[k] ?? false) || (inMine[k] ?? false)),
    );
    return { kind: 'edited', added, removed };
  });
}
