import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { DraftTabs } from '../compose/DraftTabs';
import { DuplicateDialog } from '../compose/DuplicateDialog';
import { OptionsRail } from '../compose/OptionsRail';
import { PromptBar } from '../compose/PromptBar';
import { useComposeStore } from '../compose/compose-store';
import { useActivityStore } from '../queue/activity-store';
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

  const generateRef = useRef(generate);
  generateRef.current = generate;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // A dialog's keys are its own: Enter in "Queue it again?" is an answer, not another Generate.
      if (e.defaultPrevented || e.isComposing || document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === 'Enter' && mod) {
        e.preventDefault();
        generateRef.current();
      } else if (e.key.toLowerCase() === 'z' && mod && !e.shiftKey && !e.altKey && !isTyping(e.target)) {
        if (useComposeStore.getState().undoDraft()) e.preventDefault();
      } else if (e.key === 'Escape' && !isTyping(e.target) && !useActivityStore.getState().open && useStudioStore.getState().viewing) {
        useStudioStore.getState().closeViewer();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <div ref={root} className="studio" data-viewer={viewing ? (wide ? 'side' : 'over') : 'none'}>
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
      <DuplicateDialog />
    </>
  );
}
