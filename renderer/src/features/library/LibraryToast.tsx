import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useToastStore } from './toast-store';

/** Back to the grid once the toast (and the button just pressed in it) is gone, so the library's keys keep working. */
function focusGrid(): void {
  // After React has taken the toast away: then the focus it held has fallen to <body>.
  setTimeout(() => {
    const at = document.activeElement;
    if (at === null || at === document.body || !at.isConnected) document.querySelector<HTMLElement>('.lib-scroll')?.focus();
  }, 0);
}

/** The toast at the foot of the library ("Moved … to the trash. Undo"). Ctrl/Cmd+Z runs its action too. */
export function LibraryToast() {
  const t = useT();
  const { toast, error, busy, act, dismiss } = useToastStore();
  if (!toast) return null;
  return (
    <div className="lib-toast" role="status" data-toast={toast.text}>
      <span className="lib-toast-text">{error ? errorText(t, error) : t(toast.text, toast.vars)}</span>
      {toast.action && !error ? (
        <button type="button" className="lib-toast-action" disabled={busy} onClick={() => void act().then(focusGrid)}>
          {t(toast.action.label)}
        </button>
      ) : null}
      <button
        type="button"
        className="quiet lib-toast-close"
        aria-label={t('library.toast.dismiss')}
        title={t('library.toast.dismiss')}
        onClick={() => {
          dismiss();
          focusGrid();
        }}
      >
        ×
      </button>
    </div>
  );
}
