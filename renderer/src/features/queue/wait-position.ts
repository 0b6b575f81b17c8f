import type { JobView } from '../../../../shared/ipc/views.js';

/**
 * Where a queued job stands in line: 1 = next to start. The queue starts
 * waiting jobs oldest first; undefined for a job that is not waiting.
 */
export function waitPosition(jobs: Readonly<Record<string, JobView>>, id: string): number | undefined {
  const job = jobs[id];
  if (!job || job.state !== 'queued') return undefined;
  let ahead = 0;
  for (const key in jobs) {
    const other = jobs[key];
    if (!other || other.state !== 'queued' || other.id === id) continue;
    if (other.createdAt < job.createdAt || (other.createdAt === job.createdAt && other.id < job.id)) ahead += 1;
  }
  return ahead + 1;
}

/** "2nd", "3rd", "11th" in English; the plain number elsewhere (Korean says "3번째" around it). */
export function ordinal(language: string, n: number): string {
  if (language !== 'en') return String(n);
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
