import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorText } from '../../error-text';
import { useLanguageStore, useT } from '../../i18n';
import { requestSummary } from '../batch/request-summary';
import type { HistoryEntry } from './history-store';
import { reuseFromHistory } from './reuse';
import { useHistorySearch } from './use-history-search';

/** The history list: a search field and the prompts, newest first, each with its settings and "Reuse". */
export function HistoryPanel({ id, onClose }: { id: string; onClose(then: 'button' | 'prompt'): void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const found = useHistorySearch(search);
  useEffect(() => field.current?.focus(), []);

  // Inside the compose form: Enter must not submit it, Ctrl+Enter must not Generate, Escape closes only this.
  const onKeyDown = (e: KeyboardEvent): void => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose('button');
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
    }
  };
  const reuse = (entry: HistoryEntry): void => {
    reuseFromHistory(entry);
    onClose('prompt');
  };
  const words = search.trim();
  return (
    <div id={id} className="history-panel" role="dialog" aria-label={t('history.title')} onKeyDown={onKeyDown}>
      <input
        ref={field}
        type="search"
        className="history-search"
        aria-label={t('history.search')}
        placeholder={t('history.search')}
        maxLength={500}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {found.error ? (
        <p className="field-error" role="alert">
          {t('history.failed', { message: errorText(t, found.error) })}
        </p>
      ) : !found.settled ? (
        <p className="empty" role="status">
          {t('history.loading')}
        </p>
      ) : found.entries.length === 0 ? (
        <p className="empty" role="status">
          {words ? t('history.noMatch', { search: words }) : t('history.empty')}
        </p>
      ) : (
        <ul className="history-list" aria-label={t('history.title')}>
          {found.entries.map((entry, i) => (
            <HistoryItem key={`${entry.lastUsedAt}-${i}`} entry={entry} onReuse={reuse} />
          ))}
        </ul>
      )}
    </div>
  );
}

function HistoryItem({ entry, onReuse }: { entry: HistoryEntry; onReuse(entry: HistoryEntry): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const when = new Date(entry.lastUsedAt).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
  const prompt = entry.request.prompt;
  return (
    <li className="history-item">
      <div className="history-text">
        <p className="history-prompt" title={prompt}>
          {prompt}
        </p>
        <p className="history-meta">
          <span>{requestSummary(t, entry.request)}</span>
          <span>{when}</span>
          {entry.uses > 1 ? <span>{t('history.uses', { count: entry.uses })}</span> : null}
        </p>
      </div>
      <button type="button" className="small" aria-label={t('history.reuseLabel', { prompt: prompt.slice(0, 80) })} onClick={() => onReuse(entry)}>
        {t('history.reuse')}
      </button>
    </li>
  );
}
