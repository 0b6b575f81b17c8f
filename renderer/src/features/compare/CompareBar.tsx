import type { VideoView } from '../../../../shared/ipc/views.js';
import { errorText } from '../../error-text';
import { useT, type MessageKey } from '../../i18n';
import { leaveCompare, pick, reject } from './compare-actions';
import { useCompareStore, type CompareMode } from './compare-store';
import { keepFocus } from './CompareTransport';
import { trashRejected } from './trash-rejected';

const MODES: { mode: CompareMode; label: MessageKey; hint: MessageKey }[] = [
  { mode: 'grid', label: 'compare.mode.grid', hint: 'compare.mode.gridHint' },
  { mode: 'wipe', label: 'compare.mode.wipe', hint: 'compare.mode.wipeHint' },
  { mode: 'ab', label: 'compare.mode.ab', hint: 'compare.mode.abHint' },
];

/** The comparison's one row: back, what is compared, the layout (two clips), and the verdicts on the focused clip. */
export function CompareBar({ count, takes, focused, onFlip }: { count: number; takes: boolean; focused: VideoView | undefined; onFlip(): void }) {
  const t = useT();
  const mode = useCompareStore((s) => s.mode);
  const rejected = useCompareStore((s) => s.rejected);
  const error = useCompareStore((s) => s.error);
  const isRejected = focused !== undefined && rejected.includes(focused.id);
  return (
    <>
      <div className="cmp-bar">
        <button type="button" className="cmp-back" title={t('compare.backHint')} onMouseDown={keepFocus} onClick={leaveCompare}>
          ← {t('compare.back')}
        </button>
        <h2 id="cmp-title">{t('compare.title')}</h2>
        <span className="cmp-what">{takes ? t('compare.countTakes', { count }) : t('compare.countClips', { count })}</span>
        {count === 2 ? (
          <div className="cmp-modes" role="group" aria-label={t('compare.modes')}>
            {MODES.map((m) => (
              <button key={m.mode} type="button" aria-pressed={mode === m.mode} title={t(m.hint)} onMouseDown={keepFocus} onClick={() => useCompareStore.getState().set({ mode: m.mode })}>
                {t(m.label)}
              </button>
            ))}
          </div>
        ) : null}
        {count === 2 && mode === 'ab' ? (
          <button type="button" className="cmp-flip" onMouseDown={keepFocus} onClick={onFlip}>
            {t('compare.flip')}
          </button>
        ) : null}
        <div className="cmp-verdicts">
          <button type="button" className="cmp-pick" aria-pressed={focused?.favorite ?? false} disabled={!focused} title={t('compare.pickHint')} onMouseDown={keepFocus} onClick={() => focused && void pick(focused.id)}>
            ★ {t('compare.pick')}
          </button>
          <button type="button" className="cmp-reject" aria-pressed={isRejected} disabled={!focused} title={t('compare.rejectHint')} onMouseDown={keepFocus} onClick={() => focused && void reject(focused.id)}>
            ✕ {t('compare.reject')}
          </button>
          {rejected.length > 0 ? (
            <button type="button" className="cmp-trash" title={t('compare.trashRejectedHint')} onMouseDown={keepFocus} onClick={() => void trashRejected()}>
              {t('compare.trashRejected', { count: rejected.length })}
            </button>
          ) : null}
        </div>
      </div>
      {error ? (
        <p className="form-error cmp-error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </>
  );
}
