/**
 * A queue-wide ceiling on task polls. Each job's own interval (poll-policy)
 * is right for a handful of jobs; with hundreds in flight the sum would hit
 * the provider tens of times a second and invite 429s. Spacing every job by
 * (jobs generating ÷ budget) keeps the total near the budget, whatever the count.
 */
export const MAX_POLLS_PER_SECOND = 5;

export function pollSpacingMs(generatingJobs: number): number {
  return Math.round((Math.max(0, generatingJobs) / MAX_POLLS_PER_SECOND) * 1000);
}
