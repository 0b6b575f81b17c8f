import { createPortal } from 'react-dom';
import { useT } from '../../i18n';
import { useBatchDialogStore } from './batch-dialog-store';
import { BatchDialog } from './BatchDialog';
import { newestUnfinished } from './batch-progress';
import { useBatchesStore } from './batches-store';

/**
 * "Batch…": opens the batch dialog, and tells how far the newest batch under
 * way is ("1 of 3"). Mount it once; the dialog is drawn on the page's body,
 * outside whatever form hosts the button.
 */
export function BatchButton() {
  const t = useT();
  const show = useBatchDialogStore((s) => s.show);
  const running = useBatchesStore((s) => newestUnfinished(s.order, s.batches));
  return (
    <>
      <button type="button" className="batch-button" aria-haspopup="dialog" title={t('batch.open.hint')} onClick={show}>
        {t('batch.open')}
        {running ? <span className="batch-badge">{t('batch.run.progress', { done: running.done, jobs: running.jobs })}</span> : null}
      </button>
      {createPortal(<BatchDialog />, document.body)}
    </>
  );
}
