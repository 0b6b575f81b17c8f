import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';

/** Confirms "stop tracking": says plainly that the provider may still finish the video and charge for it. */
export function StopDialog({ open, onConfirm, onCancel }: { open: boolean; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="queue-dialog"
      aria-labelledby="stop-title"
      aria-describedby="stop-body"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h3 id="stop-title">{t('queue.stop.title')}</h3>
      <p id="stop-body">{t('queue.stop.body')}</p>
      <div className="queue-dialog-actions">
        <button type="button" autoFocus onClick={onCancel}>
          {t('queue.stop.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {t('queue.stop.confirm')}
        </button>
      </div>
    </dialog>
  );
}
