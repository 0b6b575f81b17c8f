import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useToastStore } from './toast-store';

/** The toast at the foot of the library ("Moved … to the trash. Undo"). Ctrl/Cmd+Z runs its action too. */
export function LibraryToast() {
  const t = useT();
  const { toast, error, busy, act, dismiss } = useToastStore();
  if (!toast) return null;
  return (
    <div className="lib-toast" role="status" data-toast={toast.text}>
      <span className="lib-toast-text">{error ? errorText(t, error) : t(toast.text, toast.vars)}</span>
      {toast.action && !error ? (
        <button type="button" className="lib-toast-action" disabled={busy} onClick={() => void act()}>
          {t(toast.action.label)}
        </button>
      ) : null}
      <button type="button" className="quiet lib-toast-close" aria-label={t('library.toast.dismiss')} title={t('library.toast.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
