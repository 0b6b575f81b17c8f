import { useId, useRef, type ReactNode } from 'react';
import './confirm-dialog.css';
import { useModal } from './use-modal';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** `danger` for an answer that gives something up (stop tracking a paid job); `primary` otherwise. */
  tone?: 'primary' | 'danger';
  /** A third answer, between Cancel and the confirming one (Discard beside Save). */
  also?: { label: string; onClick(): void };
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question with two answers. The native dialog keeps focus inside and
 * turns Escape into Cancel; Cancel has the focus first, so an Enter pressed out
 * of habit (the second half of a double Ctrl+Enter) never confirms by itself.
 */
export function ConfirmDialog({ open, title, body, confirmLabel, cancelLabel, tone = 'primary', also, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const ref = useModal(open, () => cancel.current?.focus());
  const id = useId();
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
      {open ? (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          <p id={`${id}-body`}>{body}</p>
          <div className="confirm-dialog-actions">
            <button type="button" ref={cancel} onClick={onCancel}>
              {cancelLabel}
            </button>
            {also ? (
              <button type="button" onClick={also.onClick}>
                {also.label}
              </button>
            ) : null}
            <button type="button" className={tone} onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
