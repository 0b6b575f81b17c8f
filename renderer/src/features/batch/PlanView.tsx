import { useMemo } from 'react';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { useBatchDialogStore } from './batch-dialog-store';
import { PlanTableView } from './PlanTableView';
import { formatUsd, planTable } from './plan-table';
import { batchProblemText, fieldWord, localProblemText } from './problem-text';
import { budgetLine } from './budget-text';

/** The dry run: how many jobs and videos, the total, what is wrong (by row and field), and every row. */
export function PlanView() {
  const t = useT();
  const plan = useBatchDialogStore((s) => s.plan);
  const localProblem = useBatchDialogStore((s) => s.localProblem);
  const planError = useBatchDialogStore((s) => s.planError);
  const table = useMemo(() => (plan ? planTable(plan.view, plan.input.source) : undefined), [plan]);
  const budget = plan?.view.budget ? budgetLine(t, plan.view.budget) : undefined;

  return (
    <section className="batch-plan" aria-labelledby="batch-plan-title">
      <div className="batch-plan-head">
        <h3 id="batch-plan-title">{t('batch.plan.title')}</h3>
        {table ? (
          <p className="batch-totals" role="status" data-testid="batch-totals">
            <span>{t(table.jobs === 1 ? 'batch.plan.jobs.one' : 'batch.plan.jobs.many', { count: table.jobs })}</span>
            <span>{t(table.videos === 1 ? 'batch.plan.videos.one' : 'batch.plan.videos.many', { count: table.videos })}</span>
            <strong title={t('batch.plan.totalHint')}>{t('batch.plan.total', { usd: formatUsd(table.totalUsd) })}</strong>
          </p>
        ) : null}
      </div>
      {localProblem ? (
        <p className="field-error" role="alert">
          {localProblemText(t, localProblem)}
        </p>
      ) : planError ? (
        <p className="field-error" role="alert">
          {t('batch.plan.failed', { message: errorText(t, planError) })}
        </p>
      ) : !table ? (
        <p className="empty batch-plan-idle">{t('batch.plan.idle')}</p>
      ) : (
        <>
          {budget ? (
            <p className={`batch-budget batch-budget-${budget.tone}`} data-testid="batch-budget">
              {budget.text}
            </p>
          ) : null}
          {table.badRows.length > 0 ? (
            <p className="batch-bad-rows" role="alert">
              {t(table.badRows.length === 1 ? 'batch.plan.badRows.one' : 'batch.plan.badRows.many', {
                count: table.badRows.length,
                rows: table.badRows.slice(0, 12).join(', ') + (table.badRows.length > 12 ? '…' : ''),
              })}
            </p>
          ) : null}
          {table.general.length > 0 ? (
            <ul className="batch-general" role="alert">
              {table.general.map((p, i) => (
                <li key={i}>
                  {p.row === undefined ? null : <span className="batch-where">{t('batch.plan.row', { row: p.row })}</span>}
                  {p.field ? <span className="batch-field">{fieldWord(t, p.field)}</span> : null}
                  {batchProblemText(t, p.problem)}
                </li>
              ))}
            </ul>
          ) : null}
          <PlanTableView table={table} />
        </>
      )}
    </section>
  );
}
