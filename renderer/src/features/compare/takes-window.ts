import { COMPARE_MAX } from '../../selection/route';

/**
 * "Compare takes" on a shot of more than four takes: the four consecutive takes the clip falls among
 * (takes 1–4, 5–8, …; the last group filled up from before), so the clip asked about is always there
 * and the same group comes up from each of its takes. Pure.
 */
export function takesWindow(takeIds: readonly string[], id: string, max = COMPARE_MAX): string[] {
  if (takeIds.length <= max) return [...takeIds];
  const at = Math.max(0, takeIds.indexOf(id));
  const start = Math.min(Math.floor(at / max) * max, takeIds.length - max);
  return takeIds.slice(start, start + max);
}
