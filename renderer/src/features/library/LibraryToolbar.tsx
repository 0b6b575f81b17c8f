import { useT } from '../../i18n';
import { formatCount } from '../../i18n/format-count';
import { FilterMenu } from './FilterMenu';
import { LibIcon } from './icons';
import type { Filters } from './library-filters';
import { CELL_MAX, CELL_MIN, useLibraryPrefs } from './library-prefs';
import { useLibraryStore } from './library-store';
import { PosterProgressIndicator } from './PosterProgressIndicator';
import { SearchField } from './SearchField';

const SORTS = ['newest', 'oldest', 'cost', 'duration'] as const;

/** One row: search (with its filter chips), "+ Filter", stacking takes, sort, thumbnail size, count. */
export function LibraryToolbar() {
  const t = useT();
  const sort = useLibraryStore((s) => s.filters.sort ?? 'newest');
  const grouped = useLibraryStore((s) => s.filters.group === 'shot');
  const cell = useLibraryPrefs((s) => s.cell);
  const set = (patch: Partial<Filters>) => useLibraryStore.getState().setFilters(patch);
  return (
    <div className="lib-toolbar" role="toolbar" aria-label={t('library.toolbar')}>
      <SearchField />
      <FilterMenu />
      <button
        type="button"
        className="lib-tool"
        aria-pressed={grouped}
        title={t('library.stack.hint')}
        onClick={() => set({ group: grouped ? undefined : 'shot', shot: undefined })}
      >
        <span aria-hidden="true">❐ </span>
        {t('library.stack')}
      </button>
      <label className="visually-hidden" htmlFor="lib-sort">
        {t('library.sort')}
      </label>
      <select id="lib-sort" className="lib-sort" value={sort} title={t('library.sort')} onChange={(e) => set({ sort: e.target.value as Filters['sort'] })}>
        {SORTS.map((v) => (
          <option key={v} value={v}>
            {t(`library.sort.${v}`)}
          </option>
        ))}
      </select>
      <span className="lib-size-icon" aria-hidden="true" title={t('library.size')}>
        <LibIcon name="grid" />
      </span>
      <input
        className="lib-size"
        type="range"
        min={CELL_MIN}
        max={CELL_MAX}
        step={10}
        value={cell}
        aria-label={t('library.size')}
        title={t('library.size')}
        onChange={(e) => useLibraryPrefs.getState().setCell(Number(e.target.value))}
      />
      <PosterProgressIndicator />
      <LibraryCount />
    </div>
  );
}

/** "1,234 videos", announced politely as it changes. */
export function LibraryCount() {
  const t = useT();
  const total = useLibraryStore((s) => s.total);
  const grouped = useLibraryStore((s) => s.filters.group === 'shot' && s.filters.shot === undefined);
  if (total === undefined) return <p className="lib-count" role="status">{t('library.loading')}</p>;
  const text = grouped ? t('library.countShots', { count: formatCount(total) }) : total === 1 ? t('library.countOne') : t('library.count', { count: formatCount(total) });
  return (
    <p className="lib-count" role="status" data-count={total}>
      {text}
    </p>
  );
}
