import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n';

export interface UnsavedDialogProps {
  /** The sequence's name; undefined for clips gathered before one was named (they can only be kept or dropped). */
  name: string | undefined;
  onSave(): void;
  onDiscard(): void;
  onCancel(): void;
}

/**
 * Save / Discard / Cancel before the strip leaves a sequence with unsaved edits, shown while mounted.
 * Cancel has the focus first and Escape means Cancel: an answer given without reading keeps the edits.
 */
export function UnsavedDialog({ name, onSave, onDiscard, onCancel }: UnsavedDialogProps) {
  const t = useT();
  const asked = {
    open: true,
    title: t('storyboard.unsavedTitle', { name: name ?? t('storyboard.unsaved') }),
    body: t('storyboard.unsavedBody'),
    cancelLabel: t('storyboard.unsavedCancel'),
    onCancel,
  };
  return name !== undefined ? (
    <ConfirmDialog {...asked} confirmLabel={t('storyboard.unsavedSave')} onConfirm={onSave} also={{ label: t('storyboard.unsavedDiscard'), onClick: onDiscard }} />
  ) : (
    <ConfirmDialog {...asked} tone="danger" confirmLabel={t('storyboard.unsavedDiscard')} onConfirm={onDiscard} />
  );
}
