import { useEffect, useState } from 'react';
import type { FrameClock } from './frame-math';
import { probeClip } from './probe';

export type ClockState = { kind: 'reading' } | { kind: 'known'; clock: FrameClock } | { kind: 'failed' };

/** The clip's frame clock, read from its file once per URL (probe.ts). */
export function useFrameClock(url: string | undefined): ClockState {
  const [state, setState] = useState<ClockState>({ kind: 'reading' });
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState({ kind: 'reading' });
    probeClip(url).then(
      (clock) => live && setState({ kind: 'known', clock }),
      () => live && setState({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return state;
}
