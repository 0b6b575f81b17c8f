import { ASPECT_RATIOS, DURATIONS, MODELS, RESOLUTIONS } from '../../../../shared/domain/generation-options.js';
import { SWEEP_SEEDS_MAX } from '../../../../shared/domain/sweep.js';
import { Segmented } from '../../components/Segmented';
import { useT, type MessageKey } from '../../i18n';
import { useComposeStore } from '../compose/compose-store';
import { useBatchDialogStore } from './batch-dialog-store';
import type { GridForm, SeedMode } from './batch-form';
import { MODEL_NAME } from './request-summary';

/** A sweep of the draft's prompt: several seeds, and/or each combination of the values ticked. */
export function SweepEditor() {
  const t = useT();
  const form = useBatchDialogStore((s) => s.form);
  const edit = useBatchDialogStore((s) => s.edit);
  const prompt = useComposeStore((s) => s.prompt.trim());
  const toggle = <K extends keyof GridForm>(axis: K, value: GridForm[K][number]): void => {
    const values = form.grid[axis] as GridForm[K][number][];
    const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    edit({ grid: { ...form.grid, [axis]: next } });
  };
  return (
    <div className="batch-sweep">
      <p className={prompt ? 'batch-sweep-prompt' : 'batch-sweep-prompt field-error'}>
        {prompt ? t('batch.sweep.prompt', { prompt }) : t('batch.sweep.noPrompt')}
      </p>
      <div className="batch-seeds">
        <Segmented<SeedMode>
          legend={t('batch.seeds.label')}
          name="batch-seeds"
          value={form.seedMode}
          options={[
            { value: 'draft', label: t('batch.seeds.draft') },
            { value: 'count', label: t('batch.seeds.count') },
            { value: 'list', label: t('batch.seeds.list') },
          ]}
          onChange={(seedMode) => edit({ seedMode })}
        />
        {form.seedMode === 'count' ? (
          <input
            type="number"
            className="batch-seed-count"
            aria-label={t('batch.seeds.countLabel')}
            min={1}
            max={SWEEP_SEEDS_MAX}
            value={Number.isFinite(form.seedCount) ? form.seedCount : ''}
            onChange={(e) => edit({ seedCount: e.target.valueAsNumber })}
          />
        ) : form.seedMode === 'list' ? (
          <input
            type="text"
            className="batch-seed-list"
            aria-label={t('batch.seeds.listLabel')}
            placeholder={t('batch.seeds.listPlaceholder')}
            value={form.seedList}
            onChange={(e) => edit({ seedList: e.target.value })}
          />
        ) : null}
      </div>
      <fieldset className="batch-grid">
        <legend className="field-label" title={t('batch.grid.hint')}>
          {t('batch.grid.label')}
        </legend>
        <Axis label="batch.grid.model" values={MODELS} chosen={form.grid.model} text={(m) => t(MODEL_NAME[m])} onToggle={(v) => toggle('model', v)} />
        <Axis label="batch.grid.duration" values={DURATIONS} chosen={form.grid.duration} text={(n) => t('batch.settings.duration', { n })} onToggle={(v) => toggle('duration', v)} />
        <Axis label="batch.grid.aspect" values={ASPECT_RATIOS} chosen={form.grid.aspect_ratio} text={(a) => a} onToggle={(v) => toggle('aspect_ratio', v)} />
        <Axis label="batch.grid.resolution" values={RESOLUTIONS} chosen={form.grid.resolution} text={(r) => r} onToggle={(v) => toggle('resolution', v)} />
        <p className="hint">{t('batch.grid.hint')}</p>
      </fieldset>
    </div>
  );
}

/** One setting of the grid: a row of toggles, none ticked = the draft's value. */
function Axis<V extends string | number>(props: { label: MessageKey; values: readonly V[]; chosen: readonly V[]; text(v: V): string; onToggle(v: V): void }) {
  const t = useT();
  return (
    <fieldset className="batch-axis">
      <legend>{t(props.label)}</legend>
      <div className="batch-axis-values">
        {props.values.map((v) => (
          <label key={String(v)} className="toggle-chip">
            <input type="checkbox" checked={props.chosen.includes(v)} onChange={() => props.onToggle(v)} />
            <span>{props.text(v)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
