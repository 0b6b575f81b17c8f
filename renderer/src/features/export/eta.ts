/**
 * Time left from the rate so far. None before 2 % or half a second of work:
 * the first frames pay for opening decoders and encoders and would promise
 * far too much or too little.
 */
export function etaMs(elapsedMs: number, fraction: number): number | undefined {
  if (fraction < 0.02 || elapsedMs < 500 || fraction >= 1) return fraction >= 1 ? 0 : undefined;
  return Math.round((elapsedMs / fraction) * (1 - fraction));
}
