import { useT } from '../../i18n';
import { errorText } from '../../error-text';
import { useStoryboard } from './storyboard-store';

/** "3 s", "1 min 20 s": time left, to the second. */
function remaining(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Export: the button, then the progress with the time left and Cancel, then where the file went (or why not). */
export function ExportControl() {
  const t = useT();
  const exporting = useStoryboard((s) => s.exporting);
  const canExport = useStoryboard((s) => s.name !== undefined && s.clips.length > 0);

  if (exporting.kind === 'running') {
    const pct = Math.round(exporting.fraction * 100);
    return (
      <div className="sb-export sb-export-running">
        <div className="sb-progress" role="progressbar" aria-label={t('storyboard.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="sb-progress-fill" style={{ width: `${pct}%` }} />
        </div>
        <span className="sb-progress-text" aria-live="polite">
          {pct}% · {exporting.etaMs === undefined ? t('storyboard.etaUnknown') : t('storyboard.eta', { time: remaining(exporting.etaMs) })}
        </span>
        <button type="button" className="sb-cancel" onClick={() => useStoryboard.getState().cancelExport()}>
          {t('storyboard.cancelExport')}
        </button>
      </div>
    );
  }
  return (
    <div className="sb-export">
      <button type="button" className="primary sb-export-btn" disabled={!canExport} title={t('storyboard.exportHint')} onClick={() => void useStoryboard.getState().exportNow()}>
        {t('storyboard.export')}
      </button>
    </div>
  );
}

/** Where the last export went, or why it failed: one line that gives way to the controls. */
export function ExportStatus() {
  const t = useT();
  const exporting = useStoryboard((s) => s.exporting);
  if (exporting.kind === 'done') {
    const text = `${t('storyboard.done', { file: exporting.result.fileName })} · ${t(`storyboard.method.${exporting.result.method}`)}`;
    return (
      <span className="sb-status sb-done" role="status" title={text} data-file={exporting.result.fileName}>
        <span aria-hidden="true">✓ </span>
        {text}
      </span>
    );
  }
  if (exporting.kind === 'failed') {
    return (
      <span className="sb-status sb-failed" role="alert">
        {errorText(t, exporting.error)}
      </span>
    );
  }
  return <span className="sb-status" />;
}
