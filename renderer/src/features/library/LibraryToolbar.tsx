import { useT, type MessageKey } from '../../i18n';
import { isFiltered, type Filters } from './library-filters';
import { useLibraryStore, type CellSize } from './library-store';

type Option = { value: string; label: MessageKey | string };
const ANY: Option = { value: '', label: 'library.filter.any' };

function Select({ id, label, value, options, onChange }: { id: string; label: MessageKey; value: string; options: Option[]; onChange(v: string): void }) {
  const t = useT();
  return (
    <label className="lib-field" htmlFor={id}>
      <span>{t(label)}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label.startsWith('library.') ? t(o.label as MessageKey) : o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const dayStart = (s: string): number | undefined => (s ? new Date(`${s}T00:00:00`).getTime() : undefined);
const dayEnd = (s: string): number | undefined => (s ? new Date(`${s}T23:59:59.999`).getTime() : undefined);
const toDay = (ms: number | undefined): string => {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Search, filters, sort and thumbnail size. The search box sends each keystroke at once (see library-store). */
export function LibraryToolbar() {
  const t = useT();
  const f = useLibraryStore((s) => s.filters);
  const size = useLibraryStore((s) => s.size);
  const setFilters = useLibraryStore((s) => s.setFilters);
  const set = (patch: Partial<Filters>) => setFilters(patch);
  const bool = (v: string): boolean | undefined => (v === '' ? undefined : v === 'true');
  return (
    <div className="lib-toolbar">
      <label className="lib-search" htmlFor="lib-search">
        <span className="visually-hidden">{t('library.search')}</span>
        <input id="lib-search" type="search" value={f.text ?? ''} placeholder={t('library.searchPlaceholder')} onChange={(e) => set({ text: e.target.value })} autoComplete="off" spellCheck={false} />
      </label>
      <div className="lib-filters" role="group" aria-label={t('library.filters')}>
        <Select id="lib-model" label="library.filter.model" value={f.model ?? ''} onChange={(v) => set({ model: v || undefined })} options={[ANY, { value: 'fast', label: 'library.filter.fast' }, { value: 'quality', label: 'library.filter.quality' }]} />
        <Select id="lib-res" label="library.filter.resolution" value={f.resolution ?? ''} onChange={(v) => set({ resolution: (v || undefined) as Filters['resolution'] })} options={[ANY, ...['720p', '1080p', '4K'].map((v) => ({ value: v, label: v }))]} />
        <Select id="lib-aspect" label="library.filter.aspect" value={f.aspect ?? ''} onChange={(v) => set({ aspect: (v || undefined) as Filters['aspect'] })} options={[ANY, ...['16:9', '9:16'].map((v) => ({ value: v, label: v }))]} />
        <Select id="lib-duration" label="library.filter.duration" value={String(f.duration ?? '')} onChange={(v) => set({ duration: (v ? Number(v) : undefined) as Filters['duration'] })} options={[ANY, ...[4, 6, 8].map((v) => ({ value: String(v), label: `${v} s` }))]} />
        <Select id="lib-audio" label="library.filter.audio" value={f.audio === undefined ? '' : String(f.audio)} onChange={(v) => set({ audio: bool(v) })} options={[ANY, { value: 'true', label: 'library.filter.withAudio' }, { value: 'false', label: 'library.filter.silent' }]} />
        <label className="lib-field" htmlFor="lib-from">
          <span>{t('library.filter.from')}</span>
          <input id="lib-from" type="date" value={toDay(f.from)} onChange={(e) => set({ from: dayStart(e.target.value) })} />
        </label>
        <label className="lib-field" htmlFor="lib-to">
          <span>{t('library.filter.to')}</span>
          <input id="lib-to" type="date" value={toDay(f.to)} onChange={(e) => set({ to: dayEnd(e.target.value) })} />
        </label>
        <label className="lib-check" htmlFor="lib-fav">
          <input id="lib-fav" type="checkbox" checked={f.favorite === true} onChange={(e) => set({ favorite: e.target.checked ? true : undefined })} />
          <span>{t('library.filter.favorites')}</span>
        </label>
        <Select id="lib-sort" label="library.sort" value={f.sort ?? 'newest'} onChange={(v) => set({ sort: v as Filters['sort'] })} options={(['newest', 'oldest', 'cost', 'duration'] as const).map((v) => ({ value: v, label: `library.sort.${v}` }))} />
        <Select id="lib-size" label="library.size" value={size} onChange={(v) => useLibraryStore.getState().setSize(v as CellSize)} options={(['S', 'M', 'L'] as const).map((v) => ({ value: v, label: `library.size.${v}` }))} />
        {isFiltered(f) ? (
          <button type="button" className="quiet" onClick={() => useLibraryStore.getState().clearFilters()}>
            {t('library.filter.clear')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** "1,234 videos", announced politely as it changes. */
export function LibraryCount() {
  const t = useT();
  const total = useLibraryStore((s) => s.total);
  if (total === undefined) return <p className="lib-count" role="status">{t('library.loading')}</p>;
  return (
    <p className="lib-count" role="status" data-count={total}>
      {total === 1 ? t('library.countOne') : t('library.count', { count: total.toLocaleString() })}
    </p>
  );
}
