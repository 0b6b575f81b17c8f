import { useT } from '../../i18n';
import { formatUsd, type PlanTable } from './plan-table';
import { batchProblemText, fieldWord } from './problem-text';
import { requestSummary } from './request-summary';

/** Every row of the dry run: its number, prompt, settings and estimate, and its problems in words under the prompt. */
export function PlanTableView({ table }: { table: PlanTable }) {
  const t = useT();
  return (
    // Focusable, so the rows scroll from the keyboard even when no row holds a control.
    <div className="plan-scroll" tabIndex={0} role="region" aria-label={t('batch.plan.rows')}>
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('batch.col.row')}
            </th>
            <th scope="col">{t('batch.col.prompt')}</th>
            <th scope="col">{t('batch.col.settings')}</th>
            <th scope="col" className="num">
              {t('batch.col.estimate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.row} data-row={r.row} data-state={r.problems.length > 0 ? 'bad' : 'ok'}>
              <th scope="row" className="num">
                {r.problems.length > 0 ? <span className="plan-mark" aria-hidden="true">!</span> : null}
                {r.row}
              </th>
              <td className="plan-prompt">
                {r.label ? <span className="tag">{r.label}</span> : null}
                <span className="plan-prompt-text" title={r.prompt}>
                  {r.prompt ?? '—'}
                </span>
                {r.problems.length > 0 ? (
                  <ul className="plan-problems">
                    {r.problems.map((p, i) => (
                      <li key={i}>
                        {p.field ? <span className="batch-field">{fieldWord(t, p.field)}</span> : null}
                        {batchProblemText(t, p.problem)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td className="plan-settings">{r.request ? requestSummary(t, r.request) : null}</td>
              <td className="num">{r.estimateUsd === undefined ? '—' : t('batch.plan.estimate', { usd: formatUsd(r.estimateUsd) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
