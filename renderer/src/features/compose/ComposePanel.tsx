import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Prompt + Generate. Cmd/Ctrl+Enter submits from the textarea; errors are the main process's own words. */
export function ComposePanel() {
  const t = useT();
  const prompt = useComposeStore((s) => s.prompt);
  const submitting = useComposeStore((s) => s.submitting);
  const error = useComposeStore((s) => s.error);
  const lastJobId = useComposeStore((s) => s.lastJobId);
  const setPrompt = useComposeStore((s) => s.setPrompt);
  const submit = useComposeStore((s) => s.submit);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit(t('compose.empty'));
    }
  };

  return (
    <section className="panel compose" aria-labelledby="compose-title">
      <h2 id="compose-title">{t('compose.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(t('compose.empty'));
        }}
      >
        <label htmlFor="prompt" className="field-label">
          {t('compose.label')}
        </label>
        <textarea
          id="prompt"
          name="prompt"
          rows={6}
          maxLength={4000}
          value={prompt}
          placeholder={t('compose.placeholder')}
          aria-invalid={error?.field === 'prompt' || error?.field === 'request.prompt' ? true : undefined}
          aria-describedby={error ? 'compose-error' : 'compose-hint'}
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="compose-footer">
          <span id="compose-hint" className="hint">
            {t('compose.defaults')} · {t('compose.shortcut', { keys: isMac ? '⌘ Enter' : 'Ctrl+Enter' })}
          </span>
          <button type="submit" className="primary" disabled={submitting}>
            {submitting ? t('compose.submitting') : t('compose.generate')}
          </button>
        </div>
        {error ? (
          <p id="compose-error" className="form-error" role="alert">
            {error.message}
          </p>
        ) : lastJobId ? (
          <p className="form-ok" role="status">
            {t('compose.queued')}
          </p>
        ) : null}
      </form>
    </section>
  );
}
