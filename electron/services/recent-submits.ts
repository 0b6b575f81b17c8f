import { createHash } from 'node:crypto';
import type { Provider } from '../../shared/domain/job.js';

/**
 * Remembers what was queued in the last few seconds, so that a second press of
 * Generate (a double Ctrl+Enter, a click on a button that seemed not to react)
 * is not silently paid for twice. Lives in the services, not in the core queue:
 * every `keyframe generate` is a deliberate command and is never checked.
 */

/** Long enough to catch a double press, short enough not to stand in the way of a deliberate re-run. */
export const DUPLICATE_WINDOW_MS = 10_000;

/**
 * Names one job as the person asked for it. The request is the contract's
 * parsed form, so it is already normalised: defaults filled in, the prompt
 * trimmed, imported frames named by their content hash (an image dropped twice
 * is the same frame) and URLs in their canonical form. Key order does not count.
 */
export function requestFingerprint(request: unknown, provider: Provider): string {
  return createHash('sha256').update(canonicalJson({ provider, request })).digest('hex');
}

/** JSON with object keys sorted at every level and undefined members left out. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export class RecentSubmits {
  private readonly queuedAt = new Map<string, number>();

  constructor(private readonly windowMs: number = DUPLICATE_WINDOW_MS) {}

  /** How many ms ago the same job was queued, when that was within the window. */
  sinceLast(fingerprint: string, now: number): number | undefined {
    this.forgetOld(now);
    const at = this.queuedAt.get(fingerprint);
    // A clock set back makes a recent submit look like a future one: still recent.
    return at === undefined ? undefined : Math.max(0, now - at);
  }

  /**
   * Records the job as queued at `now`, before the submit's own awaits, so two
   * calls arriving together cannot both pass the check. The returned undo puts
   * back what was there, for a submit that failed (nothing was queued then).
   */
  mark(fingerprint: string, now: number): () => void {
    const before = this.queuedAt.get(fingerprint);
    this.queuedAt.set(fingerprint, now);
    return () => {
      if (this.queuedAt.get(fingerprint) !== now) return;
      if (before === undefined) this.queuedAt.delete(fingerprint);
      else this.queuedAt.set(fingerprint, before);
    };
  }

  private forgetOld(now: number): void {
    for (const [fingerprint, at] of this.queuedAt) if (now - at >= this.windowMs) this.queuedAt.delete(fingerprint);
  }
}
