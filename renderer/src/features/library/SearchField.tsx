import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { chipsOf, withoutChip, type Chip } from './filter-chips';
import { LibIcon } from './icons';
import { isFiltered } from './library-filters';
import { useLibraryStore } from './library-store';

const chipText = (chip: Chip, t: ReturnType<typeof useT>): string => (chip.kind === 'shot' ? t('library.chip.shot', { prompt: chip.label }) : chip.word);

/**
 * The search box with the filters in force as chips before the text. Words are searched as they are
 * typed; a filter word becomes a chip once finished (space, Enter, or leaving the box). Backspace in
 * an empty box takes the last chip back into the box to edit it.
 */
export function SearchField() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const filters = useLibraryStore((s) => s.filters);
  const draft = useLibraryStore((s) => s.draft);
  const shotLabel = useLibraryStore((s) => s.shotLabel);
  const chips = chipsOf(filters, shotLabel);
  const store = () => useLibraryStore.getState();

  const remove = (chip: Chip) => {
    store().setFilters(withoutChip(store().filters, chip));
    input.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      store().typeSearch(e.currentTarget.value, true);
    } else if (e.key === 'Backspace' && e.currentTarget.value === '' && chips.length > 0) {
      e.preventDefault();
      const last = chips[chips.length - 1] as Chip;
      store().setFilters(withoutChip(store().filters, last));
      // The shot chip has no word to edit; a filter comes back as its word, unfinished (not re-applied until done).
      if (last.kind !== 'shot') store().typeSearch(last.word, false);
    }
  };

  return (
    <div className="lib-search" onClick={(e) => e.target === e.currentTarget && input.current?.focus()}>
      <span className="lib-search-icon" aria-hidden="true">
        <LibIcon name="search" />
      </span>
      {chips.length > 0 ? (
        <ul className="lib-chips" aria-label={t('library.chips')}>
          {chips.map((chip) => {
            const text = chipText(chip, t);
            return (
              <li key={chip.kind === 'tag' ? `tag${chip.index}` : chip.kind === 'filter' ? chip.key : 'shot'} className={`lib-chip lib-chip-${chip.kind}`} data-chip={chip.kind === 'shot' ? 'shot' : chip.word}>
                <span className="lib-chip-text" title={text}>
                  {text}
                </span>
                <button type="button" aria-label={t('library.chip.remove', { filter: text })} title={t('library.chip.remove', { filter: text })} onClick={() => remove(chip)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <label htmlFor="lib-search" className="visually-hidden">
        {t('library.search')}
      </label>
      <input
        ref={input}
        id="lib-search"
        type="search"
        value={draft}
        placeholder={chips.length > 0 ? t('library.searchMore') : t('library.searchPlaceholder')}
        title={t('library.syntaxHelp')}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => store().typeSearch(e.target.value, false)}
        onBlur={(e) => store().typeSearch(e.target.value, true)}
        onKeyDown={onKeyDown}
      />
      {isFiltered(filters) || draft !== '' ? (
        <button type="button" className="lib-search-clear" aria-label={t('library.filter.clear')} title={t('library.filter.clear')} onClick={() => store().clearFilters()}>
          ×
        </button>
      ) : null}
    </div>
  );
}
