import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import type { FrameRole } from './draft';
import { fileFrom } from './frames';
import { CostEstimate } from './CostEstimate';
import { DuplicateDialog } from './DuplicateDialog';
import { submitError } from './settings-ui';
import { FramesSection } from './FramesSection';
import { MoreOptions } from './MoreOptions';
import { PromptFields } from './PromptFields';
import { SubmitBar } from './SubmitBar';
import { useFieldErrors } from './use-field-errors';
import { VideoOptions } from './VideoOptions';
import './compose.css';

/** Where a pasted image goes: the focused zone, else the first empty slot, else the first frame. */
function pasteTarget(target: EventTarget | null): FrameRole {
  const zone = target instanceof Element ? target.closest<HTMLElement>('[data-frame-zone]') : null;
  const role = zone?.dataset.frameZone;
  const s = useComposeStore.getState();
  if ((role === 'first' || role === 'last') && !(role === 'last' && !s.first)) return role;
  return s.first && !s.last ? 'last' : 'first';
}

/** The compose form: prompt, frames, options, estimate, Generate (button, Cmd/Ctrl+Enter or the native menu), and the duplicate question. */
export function ComposePanel() {
  const t = useT();
  const errors = useFieldErrors();
  const submit = useComposeStore((s) => s.submit);
  const addFile = useComposeStore((s) => s.addFile);
  const form = useRef<HTMLFormElement>(null);

  const generate = (): void => {
    void submit().then((sent) => {
      if (sent) return;
      // Bring the first invalid control into view (after React painted its message).
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    });
  };
  const generateRef = useRef(generate);
  generateRef.current = generate;
  useEffect(() => api.app.onCommand((c) => c.command === 'generate' && generateRef.current()), []);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      generate();
    }
  };
  const onPaste = (e: ClipboardEvent): void => {
    const file = fileFrom(e.clipboardData);
    if (!file) return; // plain text: let the field have it
    e.preventDefault();
    void addFile(pasteTarget(e.target), file);
  };

  return (
    <section className="panel compose" aria-labelledby="compose-title">
      <h2 id="compose-title">{t('compose.title')}</h2>
      <form
        ref={form}
        noValidate
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onSubmit={(e) => {
          e.preventDefault();
          generate();
        }}
      >
        <PromptFields errors={errors} />
        <FramesSection />
        <section aria-labelledby="video-options-title" className="options">
          <h3 id="video-options-title">{t('compose.section.video')}</h3>
          <VideoOptions errors={errors} />
        </section>
        <section aria-labelledby="more-options-title" className="options">
          <h3 id="more-options-title">{t('compose.section.more')}</h3>
          <MoreOptions errors={errors} />
        </section>
        <CostEstimate />
        <SubmitBar requestError={submitError(errors)} />
      </form>
      {/* Outside the form: a Ctrl+Enter in the question must not count as another Generate. */}
      <DuplicateDialog />
    </section>
  );
}
