import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from 'react';
import { PROMPT_MAX_CHARS } from '../../../../shared/domain/generation-options.js';
import { FieldError } from '../../components/FieldError';
import { BatchButton } from '../batch/BatchButton';
import { HistoryButton } from '../history/HistoryButton';
import { useFrameFileDrop } from '../library/video-frame-drop';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import { fileFrom } from './frames';
import { frameTarget } from './frame-target';
import { FrameZone } from './FrameZone';
import { loadPromptHistory, recallIndex } from './prompt-history';
import type { FieldErrors } from './request';
import { SETTING_UI } from './settings-ui';

const MAX_LINES = 5;

/** Grows the prompt with its text, from one line up to MAX_LINES; past that it scrolls. */
function fitHeight(el: HTMLTextAreaElement | null): void {
  if (!el) return;
  const cs = getComputedStyle(el);
  const px = (v: string): number => parseFloat(v) || 0;
  const borders = px(cs.borderTopWidth) + px(cs.borderBottomWidth);
  const most = (px(cs.lineHeight) || 20) * MAX_LINES + px(cs.paddingTop) + px(cs.paddingBottom) + borders;
  el.style.height = 'auto';
  el.style.height = `${Math.min(el.scrollHeight + borders, most)}px`;
}

/** True when the caret sits on the text's first line (↑ there would go nowhere in the field itself). */
const onFirstLine = (el: HTMLTextAreaElement): boolean => el.selectionStart === el.selectionEnd && !el.value.slice(0, el.selectionStart).includes('\n');
const onLastLine = (el: HTMLTextAreaElement): boolean => el.selectionStart === el.selectionEnd && !el.value.slice(el.selectionEnd).includes('\n');

/**
 * The prompt bar at the bottom of the centre: first/last frame chips, then the
 * prompt (grows from one line to five). ↑ in an empty prompt, or one recalled
 * and not edited since, steps back through prompts sent earlier; ↓ forward.
 * Images pasted or dropped anywhere on the bar go to a frame slot (a video: one of its frames).
 */
export function PromptBar({ errors }: { errors: FieldErrors }) {
  const t = useT();
  const prompt = useComposeStore((s) => s.prompt);
  const update = useComposeStore((s) => s.update);
  // A video pasted or dropped on the bar offers its first or last frame, as on a chip.
  const addFile = useFrameFileDrop();
  const hasFirst = useComposeStore((s) => s.first !== undefined);
  const hasLast = useComposeStore((s) => s.last !== undefined);
  const swap = useComposeStore((s) => s.swapFrames);
  const dropped = useComposeStore((s) => s.droppedFrames);
  const field = useRef<HTMLTextAreaElement>(null);
  // Which earlier prompt is shown (-1: the person's own text, kept in `own`).
  const [recall, setRecall] = useState<{ index: number; own: string }>({ index: -1, own: '' });
  const [over, setOver] = useState(false);

  useLayoutEffect(() => fitHeight(field.current), [prompt]);
  // A narrower or wider bar rewraps the text: fit again.
  useEffect(() => {
    const el = field.current;
    if (!el) return undefined;
    let width = el.clientWidth;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fitHeight(el);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if ((e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    const el = e.currentTarget;
    const history = loadPromptHistory();
    // "Unedited": the text is the recalled one, or one already sent (↑ after Generate goes on to the one before).
    const current = recall.index >= 0 && history[recall.index] === prompt ? recall.index : prompt === '' ? -1 : history.indexOf(prompt);
    if (prompt !== '' && current < 0) return;
    if (e.key === 'ArrowUp' ? !onFirstLine(el) : !onLastLine(el)) return;
    const next = recallIndex(history.length, current, e.key === 'ArrowUp' ? 1 : -1);
    if (next === undefined) return;
    e.preventDefault();
    const own = current === -1 ? prompt : recall.own;
    setRecall({ index: next, own });
    update({ prompt: next === -1 ? own : (history[next] ?? '') });
  };

  const onPaste = (e: ClipboardEvent): void => {
    const file = fileFrom(e.clipboardData);
    if (!file) return; // plain text: let the field have it
    e.preventDefault();
    void addFile(frameTarget(e.target), file);
  };
  const onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent): void => {
    setOver(false);
    const file = fileFrom(e.dataTransfer);
    if (!file) return;
    e.preventDefault();
    void addFile(frameTarget(null), file);
  };

  const near = prompt.length > PROMPT_MAX_CHARS * 0.9;
  return (
    <div
      className={`prompt-bar${over ? ' prompt-bar-over' : ''}`}
      onPaste={onPaste}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="frame-chips" role="group" aria-label={t('compose.frames.title')} title={t('compose.frames.hint')}>
        <FrameZone role="first" disabled={false} />
        {hasFirst && hasLast ? (
          <button type="button" className="frame-swap" onClick={swap} aria-label={t('compose.frame.swap')} title={t('compose.frame.swap')}>
            <span aria-hidden="true">⇄</span>
          </button>
        ) : null}
        <FrameZone role="last" disabled={!hasFirst} />
      </div>
      <div className="prompt-field">
        <label htmlFor="prompt" className="visually-hidden">
          {t(SETTING_UI.prompt.label)}
        </label>
        <textarea
          ref={field}
          id="prompt"
          name="prompt"
          rows={1}
          maxLength={PROMPT_MAX_CHARS}
          value={prompt}
          placeholder={t('compose.placeholder')}
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby={[errors.prompt ? 'prompt-error' : 'prompt-enhance', near ? 'prompt-count' : ''].join(' ').trim()}
          title={t(SETTING_UI.enhance_prompt.label)}
          aria-keyshortcuts="Control+Enter Meta+Enter ArrowUp"
          onChange={(e) => {
            setRecall({ index: -1, own: '' });
            update({ prompt: e.target.value });
          }}
          onKeyDown={onKeyDown}
        />
        <FieldError id="prompt-error" message={errors.prompt} />
        {dropped > 0 ? <p className="frame-warn">{t('compose.frame.dropped')}</p> : null}
      </div>
      <div className="prompt-tools">
        <HistoryButton />
        <BatchButton />
      </div>
      <span id="prompt-enhance" className="visually-hidden">
        {t(SETTING_UI.enhance_prompt.label)}
      </span>
      {near ? (
        <span id="prompt-count" className="char-count char-count-near">
          {t('compose.chars', { count: prompt.length.toLocaleString(), max: PROMPT_MAX_CHARS.toLocaleString() })}
        </span>
      ) : null}
    </div>
  );
}
