import { useId, useState } from 'react';

/**
 * A small ⓘ that holds a control's help sentence: the sentence is its tooltip
 * on hover and opens as a bubble on click or Enter (Escape or leaving closes it).
 */
export function InfoTip({ label, text }: { label: string; text: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="info-tip">
      <button
        type="button"
        className="info-tip-button"
        aria-label={label}
        aria-expanded={open}
        aria-describedby={open ? id : undefined}
        title={text}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        <span aria-hidden="true">i</span>
      </button>
      {open ? (
        <span id={id} role="tooltip" className="info-tip-bubble">
          {text}
        </span>
      ) : null}
    </span>
  );
}
