import { useT, type MessageKey } from '../i18n';
import { useNavigationStore, VIEWS } from '../navigation-store';

const LABEL: Record<(typeof VIEWS)[number], MessageKey> = { studio: 'nav.studio', library: 'nav.library', spending: 'nav.spending', settings: 'nav.settings' };

/** Studio / Library / Spending / Settings. Buttons with aria-current, so the current view is announced. */
export function NavTabs() {
  const t = useT();
  const view = useNavigationStore((s) => s.view);
  const go = useNavigationStore((s) => s.go);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" className="nav-item" aria-current={v === view ? 'page' : undefined} data-nav={v} onClick={() => go(v)}>
          {t(LABEL[v])}
        </button>
      ))}
    </nav>
  );
}
