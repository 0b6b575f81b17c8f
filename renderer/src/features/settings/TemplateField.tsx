import { useMemo, useState } from 'react';
import { DEFAULT_NAME_TEMPLATE, NAME_TOKENS, renderFileStem, validateTemplate } from '../../../../shared/domain/file-name-template.js';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { SaveStatus } from './SaveStatus';
import { useSettingsStore, type SettingsProblem } from './settings-store';

/** The file-name template with a live preview, rendered by the same pure code main names files with. */
export function TemplateField({ saved }: { saved: string }) {
  const t = useT();
  const [draft, setDraft] = useState(saved);
  const [problem, setProblem] = useState<SettingsProblem | undefined>();
  const [done, setDone] = useState(false);
  const samplePrompt = t('settings.template.samplePrompt');
  const check = validateTemplate(draft);
  const preview = useMemo(
    () =>
      check.ok
        ? `${renderFileStem(draft, { date: new Date(), prompt: samplePrompt, model: 'veo3.1-fast', seed: 421337, index: 1, count: 1, jobId: 'k7f3a9c2e1', aspect: '16:9', resolution: '1080p' })}.mp4`
        : undefined,
    [draft, check.ok, samplePrompt],
  );

  const save = async (value: string): Promise<void> => {
    setDone(false);
    const p = await useSettingsStore.getState().update({ nameTemplate: value });
    setProblem(p);
    if (!p) setDone(true);
  };

  return (
    <form
      className="settings-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (check.ok) void save(draft);
      }}
    >
      <label className="field-label" htmlFor="settings-template">
        {t('settings.template.label')}
      </label>
      <div className="settings-inline">
        <input
          id="settings-template"
          type="text"
          spellCheck={false}
          value={draft}
          aria-invalid={!check.ok}
          aria-describedby="settings-template-preview settings-template-tokens"
          onChange={(e) => {
            setDraft(e.target.value);
            setDone(false);
            setProblem(undefined);
          }}
        />
        <button type="submit" disabled={!check.ok || draft === saved}>
          {t('settings.template.save')}
        </button>
        <button
          type="button"
          className="quiet"
          disabled={draft === DEFAULT_NAME_TEMPLATE}
          onClick={() => {
            setDraft(DEFAULT_NAME_TEMPLATE);
            void save(DEFAULT_NAME_TEMPLATE);
          }}
        >
          {t('settings.template.reset')}
        </button>
      </div>
      <p id="settings-template-preview" className={check.ok ? 'template-preview' : 'form-error'} aria-live="polite" data-testid="template-preview">
        {check.ok ? t('settings.template.preview', { name: preview ?? '' }) : errorText(t, check)}
      </p>
      <p id="settings-template-tokens" className="hint">
        {t('settings.template.tokens', { tokens: NAME_TOKENS.map((n) => `{${n}}`).join(' ') })}
      </p>
      <SaveStatus problem={problem} done={done} />
    </form>
  );
}
