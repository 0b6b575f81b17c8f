/**
 * Parses a Retry-After header: either delay-seconds or an HTTP date.
 * Returns milliseconds to wait, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse is lenient ("-5" reads as the year 2001, "-1 GMT" too), which would turn a malformed
  // header into "retry now". All three HTTP-date formats name the month: require one.
  if (!/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
