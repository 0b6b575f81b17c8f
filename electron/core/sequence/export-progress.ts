import type { Clock } from '../ports.js';

/**
 * Progress of an export with an estimate of the time left, from the rate so
 * far (the work is even: packets of similar size, or frames to encode).
 * No estimate before 2 % or half a second of work: the first packets come
 * from a cold disk cache and would promise far too little or too much.
 */

export type ExportPhase = 'reading' | 'writing' | 'finishing' | 'done';

export interface ExportProgress {
  phase: ExportPhase;
  /** 0..1 */
  fraction: number;
  /** Milliseconds left, once they can be estimated. */
  etaMs?: number;
}

const MIN_FRACTION = 0.02;
const MIN_ELAPSED_MS = 500;

export class ProgressClock {
  private startedAt: number | undefined;

  constructor(private readonly clock: Clock) {}

  /** The progress at `fraction` of the writing phase. */
  at(phase: ExportPhase, fraction: number): ExportProgress {
    const now = this.clock.now();
    this.startedAt ??= now;
    const f = Math.min(1, Math.max(0, fraction));
    const elapsed = now - this.startedAt;
    if (phase !== 'writing' || f < MIN_FRACTION || elapsed < MIN_ELAPSED_MS) return { phase, fraction: f };
    return { phase, fraction: f, etaMs: Math.round((elapsed / f) * (1 - f)) };
  }
}
