import { useId, type ReactNode } from 'react';

export interface SegmentedOption<T extends string | number> {
  value: T;
  label: ReactNode;
  /** A one-line explanation under the label (variant "cards"). */
  detail?: ReactNode;
  /** A tooltip for the choice: where its explanation goes in the compact "row" variant. */
  title?: string;
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
  /** "cards": wider choices with a line of explanation each; "row": label and choices on one compact line. */
  variant?: 'pills' | 'cards' | 'row';
  /** A tooltip for the whole setting. */
  title?: string | undefined;
  /** Something after the choices on the same line (the seed's dice). */
  after?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className={`segmented segmented-${props.variant ?? 'pills'}`} aria-describedby={props.describedBy} disabled={props.disabled} title={props.title}>
      <legend className="field-label">{props.legend}</legend>
      <div className="segmented-options">
        {props.options.map((o) => (
          <label key={String(o.value)} className="segmented-option" htmlFor={`${id}-${String(o.value)}`} title={o.title}>
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
      {props.after}
    </fieldset>
  );
}
