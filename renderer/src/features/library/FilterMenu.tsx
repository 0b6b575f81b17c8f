import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { dayBounds, dayOf, type FilterWord } from './filter-syntax';
import type { Filters } from './library-filters';
import { useLibraryStore } from './library-store';
import { useDismiss } from './use-dismiss';

interface Choice {
  text: string;
  pressed: boolean;
  set: Partial<Filters>;
}

/** One kind of filter: its name, the word that types it, and its values (pressing the one in force takes it off). */
function Row({ label, word, choices, unset }: { label: MessageKey; word: FilterWord; choices: Choice[]; unset: Partial<Filters> }) {
  const t = useT();
  const apply = (c: Choice) => useLibraryStore.getState().setFilters(c.pressed ? unset : c.set);
  return (
    <div className="lib-fm-row" role="group" aria-label={t(label)}>
      <span className="lib-fm-label" aria-hidden="true">
        {t(label)}
      </span>
      <span className="lib-fm-choices">
        {choices.map((c) => (
          <button key={c.text} type="button" aria-pressed={c.pressed} onClick={() => apply(c)}>
            {c.text}
          </button>
        ))}
      </span>
      <code className="lib-fm-word" aria-hidden="true">
        {word}:
      </code>
    </div>
  );
}

/**
 * Where the menu starts, in the toolbar's box: under its button, moved left only as far as it must to
 * stay inside the toolbar (the button sits mid-row, and at the narrowest window the menu is wider than
 * the room to its right). Measured before paint, so it never shows in the wrong place first.
 */
function usePopLeft(open: boolean, pop: RefObject<HTMLDivElement | null>, opener: RefObject<HTMLButtonElement | null>): number | undefined {
  const [left, setLeft] = useState<number>();
  useLayoutEffect(() => {
    const box = pop.current;
    const bar = box?.offsetParent;
    if (!open || !box || !opener.current || !bar) return;
    const barBox = bar.getBoundingClientRect();
    const at = opener.current.getBoundingClientRect().left - barBox.left;
    setLeft(Math.max(0, Math.min(at, barBox.width - box.offsetWidth)));
  }, [open, pop, opener]);
  return left;
}

/** "+ Filter": every filter the syntax spells, as buttons; what is pressed shows as a chip in the search field. */
export function FilterMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [tag, setTag] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const f = useLibraryStore((s) => s.filters);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, box, opener);
  const left = usePopLeft(open, box, opener);

  const choices = <K extends keyof Filters>(key: K, values: readonly { v: NonNullable<Filters[K]>; text: string }[]): Choice[] =>
    values.map(({ v, text }) => ({ text, pressed: f[key] === v, set: { [key]: v } as Partial<Filters> }));
  const addTag = () => {
    const clean = tag.trim();
    if (clean === '') return;
    useLibraryStore.getState().addFilter({ tags: [[clean]] });
    setTag('');
  };
  const day = (key: 'from' | 'to', value: string) => {
    const b = value ? dayBounds(value) : undefined;
    useLibraryStore.getState().setFilters({ [key]: b ? (key === 'from' ? b[0] : b[1]) : undefined });
  };

  return (
    <div className="lib-fm lib-fm-filter">
      <button ref={opener} type="button" className="lib-tool" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
        + {t('library.filter.add')}
      </button>
      {open ? (
        <div ref={box} className="lib-pop lib-fm-pop" role="dialog" aria-label={t('library.filter.add')} style={{ left }}>
          <Row label="library.favorite" word="fav" unset={{ favorite: undefined }} choices={choices('favorite', [{ v: true, text: `★ ${t('library.yes.fav')}` }, { v: false, text: t('library.no.fav') }])} />
          <Row label="library.filter.aspect" word="ar" unset={{ aspect: undefined }} choices={choices('aspect', [{ v: '16:9', text: '16:9' }, { v: '9:16', text: '9:16' }])} />
          <Row label="library.filter.model" word="model" unset={{ model: undefined }} choices={choices('model', [{ v: 'fast', text: t('library.filter.fast') }, { v: 'quality', text: t('library.filter.quality') }])} />
          <Row label="library.filter.duration" word="dur" unset={{ duration: undefined }} choices={choices('duration', ([4, 6, 8] as const).map((v) => ({ v, text: t('library.seconds', { n: v }) })))} />
          <Row label="library.filter.resolution" word="res" unset={{ resolution: undefined }} choices={choices('resolution', (['720p', '1080p', '4K'] as const).map((v) => ({ v, text: v })))} />
          <Row label="library.filter.audio" word="audio" unset={{ audio: undefined }} choices={choices('audio', [{ v: true, text: t('library.filter.withAudio') }, { v: false, text: t('library.filter.silent') }])} />
          <form
            className="lib-fm-row"
            aria-label={t('library.tags')}
            onSubmit={(e) => {
              e.preventDefault();
              addTag();
            }}
          >
            <label className="lib-fm-label" htmlFor="lib-fm-tag">
              {t('library.tags')}
            </label>
            <span className="lib-fm-choices">
              <input id="lib-fm-tag" value={tag} maxLength={40} placeholder={t('library.filter.tagPlaceholder')} onChange={(e) => setTag(e.target.value)} />
              <button type="submit" disabled={tag.trim() === ''}>
                {t('library.filter.tagAdd')}
              </button>
            </span>
            <code className="lib-fm-word" aria-hidden="true">
              tag:
            </code>
          </form>
          <div className="lib-fm-row" role="group" aria-label={t('library.filter.made')}>
            <span className="lib-fm-label" aria-hidden="true">
              {t('library.filter.made')}
            </span>
            <span className="lib-fm-choices">
              <input type="date" aria-label={t('library.filter.from')} value={f.from === undefined ? '' : dayOf(f.from)} onChange={(e) => day('from', e.target.value)} />
              <span aria-hidden="true">–</span>
              <input type="date" aria-label={t('library.filter.to')} value={f.to === undefined ? '' : dayOf(f.to)} onChange={(e) => day('to', e.target.value)} />
            </span>
            <code className="lib-fm-word" aria-hidden="true">
              from: to:
            </code>
          </div>
        </div>
      ) : null}
    </div>
  );
}
