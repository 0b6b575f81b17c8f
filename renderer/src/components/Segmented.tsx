import { useId, type ReactNode } from 'react';

export interface SegmentedOption<T extends string | number> {
  value: T;
  label: ReactNode;
  /** A one-line explanation under the label (variant "cards"). */
  detail?: ReactNode;
}

/**
 * A row of mutually exclusive choices: real radio inputs in a fieldset, so
 * arrow keys, labels and screen readers work as with any radio group.
 */
export function Segmented<T extends string | number>(props: {
  legend: ReactNode;
  name: string;
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange(value: T): void;
  describedBy?: string | undefined;
  disabled?: boolean;
  /** "cards": wider choices with a line of explanation each. */
  variant?: 'pills' | 'cards';
}) {
  const id = useId();
  return (
    <fieldset className={`segmented segmented-${props.variant ?? 'pills'}`} aria-describedby={props.describedBy} disabled={props.disabled}>
      <legend className="field-label">{props.legend}</legend>
      <div className="segmented-options">
        {props.options.map((o) => (
          <label key={String(o.value)} className="segmented-option" htmlFor={`${id}-${String(o.value)}`}>
            <input
              type="radio"
              id={`${id}-${String(o.value)}`}
              name={`${id}-${props.name}`}
              checked={o.value === props.value}
              onChange={() => props.onChange(o.value)}
            />
            <span>
              {o.label}
              {o.detail ? <small className="segmented-detail">{o.detail}</small> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
