import { NEGATIVE_PROMPT_MAX_CHARS, PROMPT_MAX_CHARS } from '../../../../shared/domain/generation.js';
import { FieldError } from '../../components/FieldError';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import type { FieldErrors } from './request';
import { SETTING_UI } from './settings-ui';

/** Prompt (with its character count) and the negative prompt. */
export function PromptFields({ errors }: { errors: FieldErrors }) {
  const t = useT();
  const prompt = useComposeStore((s) => s.prompt);
  const negative = useComposeStore((s) => s.negative_prompt);
  const update = useComposeStore((s) => s.update);
  const near = prompt.length > PROMPT_MAX_CHARS * 0.9;
  return (
    <>
      <div className="field">
        <div className="field-head">
          <label htmlFor="prompt" className="field-label">
            {t(SETTING_UI.prompt.label)}
          </label>
          <span id="prompt-count" className={`char-count${near ? ' char-count-near' : ''}`} aria-live="polite">
            {t('compose.chars', { count: prompt.length.toLocaleString(), max: PROMPT_MAX_CHARS.toLocaleString() })}
          </span>
        </div>
        <textarea
          id="prompt"
          name="prompt"
          rows={5}
          maxLength={PROMPT_MAX_CHARS}
          value={prompt}
          placeholder={t('compose.placeholder')}
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby={errors.prompt ? 'prompt-error prompt-count' : 'prompt-enhance prompt-count'}
          onChange={(e) => update({ prompt: e.target.value })}
        />
        <FieldError id="prompt-error" message={errors.prompt} />
        <p id="prompt-enhance" className="hint">
          ✦ {t(SETTING_UI.enhance_prompt.label)}
        </p>
      </div>
      <div className="field">
        <label htmlFor="negative-prompt" className="field-label">
          {t(SETTING_UI.negative_prompt.label)}
        </label>
        <textarea
          id="negative-prompt"
          name="negative_prompt"
          className="short"
          rows={2}
          maxLength={NEGATIVE_PROMPT_MAX_CHARS}
          value={negative}
          placeholder={t('compose.negative.placeholder')}
          aria-invalid={errors.negative_prompt ? true : undefined}
          aria-describedby={errors.negative_prompt ? 'negative-error' : 'negative-hint'}
          onChange={(e) => update({ negative_prompt: e.target.value })}
        />
        <FieldError id="negative-error" message={errors.negative_prompt} />
        <p id="negative-hint" className="hint">
          {t('compose.negative.hint')}
        </p>
      </div>
    </>
  );
}
