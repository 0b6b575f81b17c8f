/**
 * Dollar figures as the money views write them. Every figure is USD (the
 * provider bills in dollars), so the digits follow en-US in both languages:
 * a Korean page reading "US$1,234.50" or "1,234.50 US 달러" beside the
 * provider's own "$1,234.50" would look like a second currency.
 */

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Half a cent: a figure closer to zero prints as $0.00, and never as "-$0.00". */
const HALF_CENT = 0.005;

const nearZero = (usd: number): boolean => Math.abs(usd) < HALF_CENT;

/** `1234.5` → `$1,234.50`. */
export function formatUsd(usd: number): string {
  return USD.format(nearZero(usd) ? 0 : usd);
}

/** A difference with its sign: `+$0.12`, `−$0.05` (a real minus sign), `$0.00`. */
export function formatSignedUsd(usd: number): string {
  if (nearZero(usd)) return formatUsd(0);
  return `${usd > 0 ? '+' : '\u2212'}${USD.format(Math.abs(usd))}`;
}

const cents = (usd: number): number => Math.round(usd * 100);

/**
 * A charge minus its estimate as the two figures beside it read: in whole cents of each. The exact
 * difference of $0.4864 and $0.512 rounds to −$0.03 while the row shows $0.49 and $0.51; a reader
 * checks the sum by eye, so the column must agree with the figures shown.
 */
export function shownDifference(chargedUsd: number, estimateUsd: number): number {
  return (cents(chargedUsd) - cents(estimateUsd)) / 100;
}

/** A price per second without its `$`: at least two decimals and at most three (`0.064`, `0.08`, `0.20`). */
export function formatRate(perSecondUsd: number): string {
  const three = perSecondUsd.toFixed(3);
  return three.endsWith('0') ? perSecondUsd.toFixed(2) : three;
}

/** What a cap leaves: the room under it, or how far past it the spending went. */
export type CapRoom = { kind: 'left'; usd: number } | { kind: 'over'; usd: number };

export function capRoom(capUsd: number, spentUsd: number): CapRoom {
  const room = capUsd - spentUsd;
  // Sums of rounded figures can miss the cap by float noise: spending exactly the cap is not "over" it.
  return room > -1e-9 ? { kind: 'left', usd: Math.max(0, room) } : { kind: 'over', usd: -room };
}

/** How full a cap is, 0–1 (a zero cap is full as soon as it exists: every live job waits). */
export function capFraction(capUsd: number, spentUsd: number): number {
  if (capUsd <= 0) return 1;
  return Math.min(1, Math.max(0, spentUsd / capUsd));
}
