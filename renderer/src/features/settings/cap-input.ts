import { SPENDING_CAP_MAX_USD } from '../../../../shared/ipc/views.js';

/**
 * A spending cap as typed in Settings: empty is "no cap" (null); otherwise
 * dollars and at most cents. Checked on the page so a typo is named at the
 * field; main checks the number again (SpendingCapSchema) when it is saved.
 */

export type CapProblem = 'not_number' | 'negative' | 'too_large' | 'too_precise';
export type CapInput = { ok: true; usd: number | null } | { ok: false; problem: CapProblem };

export function parseCapInput(text: string): CapInput {
  // "$5", "1,000" and " 12.50 " are what people type for dollars.
  const plain = text.trim().replace(/^\$\s*/, '').replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (plain === '') return { ok: true, usd: null };
  if (/^-\s*\$?\s*(\d|\.\d)/.test(plain)) return { ok: false, problem: 'negative' };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(plain);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, problem: 'not_number' };
  if ((m[2] ?? '').length > 2) return { ok: false, problem: 'too_precise' };
  const usd = Number(plain);
  if (!Number.isFinite(usd)) return { ok: false, problem: 'not_number' };
  if (usd > SPENDING_CAP_MAX_USD) return { ok: false, problem: 'too_large' };
  return { ok: true, usd };
}

/** A saved cap as the field shows it: empty for none, `5` or `12.50`. */
export function capText(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return '';
  return Number.isInteger(usd) ? String(usd) : usd.toFixed(2);
}
