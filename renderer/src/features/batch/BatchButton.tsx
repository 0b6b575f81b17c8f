import { lazy, Suspense, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n';
import { useBatchDialogStore } from './batch-dialog-store';
import { newestUnfinished } from './batch-progress';
import { useBatchesStore } from './batches-store';
import './batch-button.css';

// Loaded on first open: the dialog is a tool for now and then, and the page's first load stays small.
const BatchDialog = lazy(async () => ({ default: (await import('./BatchDialog')).BatchDialog }));

/**
 * "Batch…": opens the batch dialog, and tells how far the newest batch under
 * way is ("1 of 3"). Mount it once; the dialog is drawn on the page's body,
 * outside whatever form hosts the button.
 */
export function BatchButton() {
  const t = useT();
  const open = useBatchDialogStore((s) => s.open);
  const show = useBatchDialogStore((s) => s.show);
  const running = useBatchesStore((s) => newestUnfinished(s.order, s.batches));
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    // The dialog leaves the page when it closes, taking the focus with it: it goes back to the button.
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button ref={button} type="button" className="batch-button" aria-haspopup="dialog" title={t('batch.open.hint')} onClick={show}>
        {t('batch.open')}
        {running ? <span className="batch-badge">{t('batch.run.progress', { done: running.done, jobs: running.jobs })}</span> : null}
      </button>
      {open
        ? createPortal(
            <Suspense fallback={null}>
              <BatchDialog />
            </Suspense>,
            document.body,
          )
        : null}
    </>
  );
}
