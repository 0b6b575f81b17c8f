import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';

/** "The same job was queued 2 s ago — queue it again?": asked when main held back a second press of Generate. */
export function DuplicateDialog() {
  const t = useT();
  const duplicate = useComposeStore((s) => s.duplicate);
  return (
    <ConfirmDialog
      open={duplicate !== undefined}
      title={t('compose.duplicate.title')}
      body={duplicate ? t('compose.duplicate.body', { seconds: duplicate.seconds }) : ''}
      confirmLabel={t('compose.duplicate.confirm')}
      cancelLabel={t('compose.duplicate.cancel')}
      onConfirm={() => void useComposeStore.getState().confirmDuplicate()}
      onCancel={() => useComposeStore.getState().cancelDuplicate()}
    />
  );
}
