import type { ReactNode } from 'react';

/** A calm one-line banner. `role` follows urgency: errors interrupt a screen reader, the rest wait. */
export function Notice({ kind, children, action }: { kind: 'info' | 'warning' | 'error'; children: ReactNode; action?: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-text">{children}</span>
      {action}
    </div>
  );
}
