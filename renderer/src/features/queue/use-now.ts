import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed every `everyMs` while `enabled`: only the component that asks re-renders. */
export function useNow(enabled: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [enabled, everyMs]);
  return now;
}

/** Whole seconds left until `until` (never negative), ticking. */
export function useSecondsLeft(until: number | undefined): number {
  const now = useNow(until !== undefined && until > Date.now(), 250);
  return until === undefined ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
