import { useT } from '../../i18n';
import { FILTER_WORDS, type FilterWord, type SearchProblem } from './filter-syntax';
import { useLibraryStore } from './library-store';
import { draftProblems } from './search-draft';

/** What each filter word takes, as the person would type it. */
export const VALUES: Record<FilterWord, string> = {
  tag: 'hero · hero,night · "night shot"',
  ar: '16:9 · 9:16',
  model: 'fast · quality',
  fav: 'yes · no',
  dur: '4 · 6 · 8',
  res: '720p · 1080p · 4K',
  audio: 'yes · no',
  from: 'YYYY-MM-DD',
  to: 'YYYY-MM-DD',
};

const KNOWN = FILTER_WORDS.map((w) => `${w}:`).join(' ');

/** A word in the search box that looks like a filter but is not one: said plainly, never searched as text in silence. */
export function SearchHint() {
  const t = useT();
  const draft = useLibraryStore((s) => s.draft);
  const done = useLibraryStore((s) => s.draftDone);
  const problems = draftProblems(draft, done);
  if (problems.length === 0) return null;
  const line = (p: SearchProblem) => (p.kind === 'unknown' ? t('library.syntax.unknown', { word: p.word }) : t('library.syntax.value', { word: p.word, key: `${p.key}:`, values: VALUES[p.key] }));
  const unknown = problems.some((p) => p.kind === 'unknown');
  return (
    <p className="lib-hint" role="status" data-problems={problems.length}>
      <span aria-hidden="true">⚠ </span>
      {problems.map(line).join(' ')} {t('library.syntax.left')}
      {unknown ? <span className="lib-hint-known"> {t('library.syntax.known', { words: KNOWN })}</span> : null}
    </p>
  );
}
