/**
 * Makes a file name stem that is legal on Windows, macOS and Linux at once,
 * because output folders move between machines (external drives, sync).
 */

export const STEM_MAX_CHARS = 120;
/**
 * ext4/APFS limit names to 255 bytes; 120 Korean characters are 360 UTF-8
 * bytes. 200 leaves room for " (99)" and ".keyframe.json".
 */
export const STEM_MAX_BYTES = 200;

// Characters Windows forbids, ASCII control characters, and bidi controls
// (U+202E can make "gpj.mp4" display as "mp4.jpg").
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Trailing dots/spaces are dropped by Windows; leading dots hide files on Unix. */
function trimEdges(s: string): string {
  return s.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

/** Cuts to the char and byte limits without splitting a surrogate pair. */
function truncate(s: string, maxChars: number, maxBytes: number): string {
  let out = '';
  let chars = 0;
  let bytes = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (chars + 1 > maxChars || bytes + b > maxBytes) break;
    out += ch;
    chars += 1;
    bytes += b;
  }
  return out;
}

/** Windows treats `CON`, `con.txt` and `CON .mp4` alike: compare the part before the first dot. */
export function isReservedDeviceName(stem: string): boolean {
  const base = stem.split('.')[0] ?? '';
  return RESERVED.test(base.trimEnd());
}

/** Like sanitizeStem but may return '' (template validation needs to know). */
export function sanitizeStemOrEmpty(s: string): string {
  let out = s.normalize('NFC').replace(FORBIDDEN, '').replace(/\s+/gu, ' ');
  out = trimEdges(truncate(trimEdges(out), STEM_MAX_CHARS, STEM_MAX_BYTES));
  if (out !== '' && isReservedDeviceName(out)) out = `_${out}`;
  return out;
}

export function sanitizeStem(s: string): string {
  return sanitizeStemOrEmpty(s) || 'video';
}
