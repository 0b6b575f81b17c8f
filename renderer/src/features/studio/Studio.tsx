import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { DraftTabs } from '../compose/DraftTabs';
import { DuplicateDialog } from '../compose/DuplicateDialog';
import { OptionsRail } from '../compose/OptionsRail';
import { PromptBar } from '../compose/PromptBar';
import { useComposeStore } from '../compose/compose-store';
import { useGenerate } from '../compose/use-generate';
import { useFieldErrors } from '../compose/use-field-errors';
import { ResultsFeed } from './ResultsFeed';
import { useStudioStore } from './studio-store';
import { useMediaQuery, WIDE_QUERY } from './use-media-query';
import { ViewerPane } from './ViewerPane';
import '../compose/compose.css';
import './studio.css';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const isTyping = (el: EventTarget | null): boolean => el instanceof HTMLElement && (TYPING.has(el.tagName) || el.isContentEditable);

/**
 * The Studio: the options rail on the left (Generate pinned at its foot), the
 * results feed in the centre with the draft tabs and the prompt bar under it,
 * and the viewer beside the feed (or over it on a narrow window). Cmd/Ctrl+Enter
 * anywhere in it generates; Cmd/Ctrl+Z outside a text field brings back a
 * closed or replaced draft.
 */
export function Studio() {
  const t = useT();
  const errors = useFieldErrors();
  const root = useRef<HTMLDivElement>(null);
  const generate = useGenerate(root);
  const viewing = useStudioStore((s) => s.viewing);
  const wide = useMediaQuery(WIDE_QUERY);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (useComposeStore.getState().undoDraft()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      generate();
    } else if (e.key === 'Escape' && viewing && !isTyping(e.target) && !document.querySelector('dialog[open]')) {
      useStudioStore.getState().closeViewer();
    }
  };

  return (
    <>
      <div ref={root} className="studio" data-viewer={viewing ? (wide ? 'side' : 'over') : 'none'} onKeyDown={onKeyDown}>
        <OptionsRail errors={errors} onGenerate={generate} />
        <div className="studio-centre">
          <div className="studio-stage">
            <section className="feed" aria-labelledby="feed-title">
              <h2 id="feed-title" className="visually-hidden">
                {t('feed.title')}
              </h2>
              <ResultsFeed />
            </section>
            {viewing && !wide ? <ViewerPane wide={false} /> : null}
          </div>
          <div className="prompt-dock">
            <DraftTabs />
            <PromptBar errors={errors} />
          </div>
        </div>
        {viewing && wide ? <ViewerPane wide /> : null}
      </div>
      {/* Outside the Studio's key handler: a Ctrl+Enter in the question must not count as another Generate. */}
      <DuplicateDialog />
    </>
  );
}
