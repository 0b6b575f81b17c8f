import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { HistoryPanel } from './HistoryPanel';
import './history.css';

/**
 * "History": the prompts sent, searchable, in a panel over the prompt. It
 * closes on Escape, on a click outside, and once an entry is reused; focus
 * goes back to the button (or, after a reuse, to the prompt).
 */
export function HistoryButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (e: PointerEvent): void => {
      if (e.target instanceof Node && !wrap.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (then: 'button' | 'prompt'): void => {
    setOpen(false);
    if (then === 'button') button.current?.focus();
    else document.getElementById('prompt')?.focus();
  };

  return (
    <div className="history-anchor" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="history-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={t('history.open.hint')}
        onClick={() => setOpen((o) => !o)}
      >
        {t('history.open')}
      </button>
      {open ? <HistoryPanel id={id} onClose={close} /> : null}
    </div>
  );
}
