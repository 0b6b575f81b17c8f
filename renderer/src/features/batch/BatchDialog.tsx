import { useEffect, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useModal } from '../../components/use-modal';
import { Segmented } from '../../components/Segmented';
import { useT } from '../../i18n';
import { planIsCurrent, useBatchDialogStore } from './batch-dialog-store';
import type { BatchMode } from './batch-form';
import { BatchRuns } from './BatchRuns';
import { DraftDefaults } from './DraftDefaults';
import { ListEditor } from './ListEditor';
import { PlanView } from './PlanView';
import { QueueBar } from './QueueBar';
import { SweepEditor } from './SweepEditor';
import './batch.css';

/** Edits rest this long before the dry run is asked for again. */
const PLAN_DELAY_MS = 300;

/**
 * Keys, pastes and submits inside the dialog stay inside it. It may be drawn
 * from within the compose form (React events bubble through portals), where
 * Ctrl+Enter means Generate and a pasted image becomes a frame.
 */
const contain = (e: SyntheticEvent): void => e.stopPropagation();

/** The batch dialog: a list or a sweep on the left, its dry run on the right, Queue below. */
export function BatchDialog() {
  const t = useT();
  const open = useBatchDialogStore((s) => s.open);
  const hide = useBatchDialogStore((s) => s.hide);
  const ref = useModal(open);
  return (
    <dialog
      ref={ref}
      className="batch-dialog"
      aria-labelledby="batch-title"
      onCancel={(e) => {
        e.preventDefault();
        hide();
      }}
      onKeyDown={contain}
      onPaste={contain}
      onSubmit={contain}
    >
      {open ? (
        <>
          <header className="batch-head">
            <h2 id="batch-title">{t('batch.title')}</h2>
            <button type="button" className="quiet batch-close" aria-label={t('batch.close')} title={t('batch.close')} onClick={hide}>
              ×
            </button>
          </header>
          <BatchBody />
        </>
      ) : null}
    </dialog>
  );
}

function BatchBody() {
  const t = useT();
  const form = useBatchDialogStore((s) => s.form);
  const edit = useBatchDialogStore((s) => s.edit);
  const runPlan = useBatchDialogStore((s) => s.runPlan);
  const queue = useBatchDialogStore((s) => s.queue);
  const canQueue = useBatchDialogStore((s) => planIsCurrent(s) && s.plan?.view.ok === true && !s.queueing);

  useEffect(() => {
    const timer = setTimeout(() => void runPlan(), PLAN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, runPlan]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (canQueue) void queue();
    }
  };

  return (
    <div className="batch-main" onKeyDown={onKeyDown}>
      <section className="batch-source" aria-label={t('batch.source.title')}>
        <Segmented<BatchMode>
          legend={t('batch.mode.label')}
          name="batch-mode"
          value={form.mode}
          options={[
            { value: 'list', label: t('batch.mode.list') },
            { value: 'sweep', label: t('batch.mode.sweep') },
          ]}
          onChange={(mode) => edit({ mode })}
        />
        {form.mode === 'list' ? <ListEditor /> : <SweepEditor />}
        <DraftDefaults />
        <div className="batch-name">
          <label htmlFor="batch-name" className="field-label">
            {t('batch.name.label')}
          </label>
          <input id="batch-name" type="text" maxLength={200} value={form.name} onChange={(e) => edit({ name: e.target.value })} />
        </div>
        <BatchRuns />
      </section>
      <PlanView />
      <QueueBar />
    </div>
  );
}
