/**
 * Maps the many status words gateways use onto the few the queue acts on.
 * Anything unrecognised means "still running": a new status word must never
 * make a paid job look failed.
 */
export type TaskPhase = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';

const PHASES: Record<string, TaskPhase> = {
  submitted: 'pending',
  pending: 'pending',
  queued: 'pending',
  processing: 'running',
  in_progress: 'running',
  running: 'running',
  completed: 'completed',
  success: 'completed',
  succeeded: 'completed',
  failed: 'failed',
  failure: 'failed',
  error: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

export function taskPhase(status: string | undefined): TaskPhase {
  if (!status) return 'running';
  const word = status.trim().toLowerCase();
  // Only the table's own words count: a plain lookup would also find inherited keys ("constructor",
  // "__proto__") and return a function instead of a phase.
  return Object.hasOwn(PHASES, word) ? (PHASES[word] ?? 'running') : 'running';
}
