import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { create } from 'zustand';
import { useT, type MessageKey } from '../../i18n';

export type DetailsTab = 'details' | 'lineage';
const TABS: { id: DetailsTab; label: MessageKey }[] = [
  { id: 'details', label: 'lineage.tab.details' },
  { id: 'lineage', label: 'lineage.tab.lineage' },
];

/** The tab stays as chosen while the person walks from clip to clip (a parent opened from the Lineage tab shows its own lineage). */
export const useDetailsTab = create<{ tab: DetailsTab; set(tab: DetailsTab): void }>()((set) => ({
  tab: 'details',
  set: (tab) => set({ tab }),
}));

/** Details | Lineage under the viewer: a tab list with arrow keys, Home and End, as the ARIA pattern has it. */
export function DetailsTabs({ panels }: { panels: Record<DetailsTab, ReactNode> }) {
  const t = useT();
  const base = useId();
  const tab = useDetailsTab((s) => s.tab);
  const setTab = useDetailsTab((s) => s.set);
  const buttons = useRef<Partial<Record<DetailsTab, HTMLButtonElement | null>>>({});
  const onKey = (e: KeyboardEvent): void => {
    const at = TABS.findIndex((x) => x.id === tab);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    // Keys here must not reach the clip's own keys (the pane's , . and Delete).
    e.stopPropagation();
    const to = TABS[(next + TABS.length) % TABS.length];
    if (!to) return;
    setTab(to.id);
    buttons.current[to.id]?.focus();
  };
  return (
    <div className="details-tabs">
      <div role="tablist" aria-label={t('lineage.tabs')} className="details-tablist" onKeyDown={onKey}>
        {TABS.map((x) => (
          <button
            key={x.id}
            ref={(el) => {
              buttons.current[x.id] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-${x.id}-tab`}
            aria-selected={tab === x.id}
            aria-controls={`${base}-${x.id}-panel`}
            tabIndex={tab === x.id ? 0 : -1}
            className="details-tab"
            onClick={() => setTab(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-${tab}-panel`} aria-labelledby={`${base}-${tab}-tab`} className="details-panel">
        {panels[tab]}
      </div>
    </div>
  );
}
