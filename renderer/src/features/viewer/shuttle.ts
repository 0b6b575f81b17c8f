/**
 * J / K / L, as in every editor: L plays forward and each further L doubles the speed (1×, 2×, 4×);
 * J does the same in reverse; K stops. A press against the running direction starts over at 1× that way.
 * The rate is signed: -2 is reverse at 2×, 0 is paused.
 */

export const MAX_SHUTTLE = 4;

export type ShuttleKey = 'j' | 'k' | 'l';

export function shuttle(rate: number, key: ShuttleKey): number {
  if (key === 'k') return 0;
  const dir = key === 'l' ? 1 : -1;
  if (Math.sign(rate) !== dir) return dir;
  return dir * Math.min(MAX_SHUTTLE, Math.abs(rate) * 2);
}
