import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';
import '../../components/confirm-dialog.css';

export interface UnsavedDialogProps {
  /** The sequence's name; undefined for clips gathered before one was named (they can only be kept or dropped). */
  name: string | undefined;
  onSave(): void;
  onDiscard(): void;
  onCancel(): void;
}

/**
 * Save / Discard / Cancel before the strip leaves a sequence with unsaved edits. Cancel has the focus
 * first and Escape means Cancel: an answer given without reading keeps the edits.
 */
export function UnsavedDialog({ name, onSave, onDiscard, onCancel }: UnsavedDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    cancel.current?.focus();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{t('storyboard.unsavedTitle', { name: name ?? t('storyboard.unsaved') })}</h2>
      <p id={`${id}-body`}>{t('storyboard.unsavedBody')}</p>
      <div className="confirm-dialog-actions">
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('storyboard.unsavedCancel')}
        </button>
        <button type="button" onClick={onDiscard}>
          {t('storyboard.unsavedDiscard')}
        </button>
        {name !== undefined ? (
          <button type="button" className="primary" onClick={onSave}>
            {t('storyboard.unsavedSave')}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
