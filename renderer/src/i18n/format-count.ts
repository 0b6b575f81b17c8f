/**
 * A whole count with its thousands grouped ("10,000"), as English and Korean
 * both write it.
 *
 * Not `toLocaleString`: the first use of Intl in a page starts ICU, which
 * costs ~12 ms of main thread, and the Library's count is drawn in the first
 * paint. Every language the app has groups digits by three with a comma, so
 * this stays exact (tests check it against Intl for each language); a language
 * that groups differently must come back to Intl here.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out;
  return n < 0 ? `-${out}` : out;
}
