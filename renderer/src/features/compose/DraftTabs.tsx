import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import { isBlank } from './draft-tabs';

/**
 * "Draft 1 · Draft 2 · +" just above the prompt bar. Each tab keeps its own
 * prompt, frames and settings; closing one can be undone with Ctrl/Cmd+Z.
 */
export function DraftTabs() {
  const t = useT();
  const tabs = useComposeStore((s) => s.tabs);
  const active = useComposeStore((s) => s.activeTab);
  const livePrompt = useComposeStore((s) => s.prompt);
  const { switchTab, closeTab, newTab } = useComposeStore.getState();
  return (
    <nav className="draft-tabs" aria-label={t('drafts.label')}>
      {tabs.map((tab) => {
        const name = t('drafts.name', { n: tab.n });
        const prompt = tab.id === active ? livePrompt : tab.draft.prompt;
        const current = tab.id === active;
        return (
          <span key={tab.id} className={`draft-tab${current ? ' draft-tab-current' : ''}`} data-draft-tab={tab.n}>
            <button
              type="button"
              className="draft-tab-name"
              aria-current={current ? 'true' : undefined}
              title={prompt.trim() || (tab.id !== active && isBlank(tab.draft) ? t('drafts.empty') : name)}
              onClick={() => switchTab(tab.id)}
            >
              {name}
            </button>
            {tabs.length > 1 ? (
              <button
                type="button"
                className="draft-tab-close"
                aria-label={t('drafts.close', { name })}
                title={t('drafts.closeHint')}
                onClick={() => closeTab(tab.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            ) : null}
          </span>
        );
      })}
      <button type="button" className="draft-tab-new" aria-label={t('drafts.new')} title={t('drafts.new')} onClick={newTab}>
        <span aria-hidden="true">+</span>
      </button>
    </nav>
  );
}
