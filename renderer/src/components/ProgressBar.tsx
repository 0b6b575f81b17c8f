/** A thin bar; indeterminate (animated) when the fraction is unknown. */
export function ProgressBar({ fraction, label }: { fraction: number | undefined; label: string }) {
  const pct = fraction === undefined ? undefined : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      className={`progress${pct === undefined ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(pct === undefined ? {} : { 'aria-valuenow': pct })}
    >
      <div className="progress-fill" style={pct === undefined ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
