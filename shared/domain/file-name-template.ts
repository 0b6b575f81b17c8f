import { errorMessage, type ErrorMessage } from '../error-messages.js';

/**
 * File-name templates, pure: no node imports, so main (file-naming.ts) and the
 * renderer (the settings preview) render names with the very same code.
 */

/*
 * Stem sanitising: makes a file name stem that is legal on Windows, macOS and Linux at once,
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

/** UTF-8 length of one code point (a lone surrogate is written as U+FFFD: 3 bytes), without node's Buffer. */
function utf8Bytes(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/** Cuts to the char and byte limits without splitting a surrogate pair. */
function truncate(s: string, maxChars: number, maxBytes: number): string {
  let out = '';
  let chars = 0;
  let bytes = 0;
  for (const ch of s) {
    const b = utf8Bytes(ch);
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

/** Output file names from a user template such as `{date}_{time}_{prompt}`. */

export const DEFAULT_NAME_TEMPLATE = '{date}_{time}_{prompt}';
export const NAME_TOKENS: readonly string[] = ['date', 'time', 'prompt', 'model', 'seed', 'index', 'id', 'aspect', 'res'];
const TEMPLATE_MAX_CHARS = 200;
const PROMPT_WORDS = 6;
const PROMPT_SLUG_MAX = 48;
const TOKEN_RE = /\{([^{}]*)\}/g;

export interface NameContext {
  date: Date;
  prompt: string;
  model: string;
  seed?: number;
  /** 1-based output number, rendered as is by `{index}` (JobOutput.index + 1). */
  index: number;
  /** Number of outputs of the job; > 1 forces an index into the name. */
  count: number;
  jobId: string;
  aspect: string;
  resolution: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * First words of the prompt, lowercased, joined by '-'. Accents on Latin
 * letters are dropped (é → e) so names stay ASCII where they can, while
 * Hangul, kana, Cyrillic… are kept: an ASCII-only slug would be empty for them.
 */
export function promptSlug(prompt: string): string {
  const plain = prompt
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase();
  // \p{M} inside words keeps Devanagari/Thai vowel signs attached to their letters.
  const words = (plain.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? []).slice(0, PROMPT_WORDS);
  let slug = words.join('-');
  if ([...slug].length > PROMPT_SLUG_MAX) {
    const cut = [...slug].slice(0, PROMPT_SLUG_MAX).join('');
    const lastDash = cut.lastIndexOf('-');
    slug = lastDash > 0 ? cut.slice(0, lastDash) : cut;
  }
  return slug || 'untitled';
}

function modelShort(model: string): string {
  if (/quality/i.test(model)) return 'quality';
  if (/fast/i.test(model)) return 'fast';
  return model;
}

function tokenValue(token: string, ctx: NameContext): string | undefined {
  const d = ctx.date;
  switch (token) {
    case 'date':
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    case 'time':
      return `${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}`;
    case 'prompt':
      return promptSlug(ctx.prompt);
    case 'model':
      return modelShort(ctx.model);
    case 'seed':
      return ctx.seed === undefined ? 'noseed' : String(ctx.seed);
    case 'index':
      return String(ctx.index);
    case 'id':
      return ctx.jobId.slice(0, 8);
    case 'aspect':
      return ctx.aspect.replace(':', 'x');
    case 'res':
      return ctx.resolution;
    default:
      return undefined;
  }
}

function renderRaw(template: string, ctx: NameContext): string {
  const hasIndex = template.includes('{index}');
  const full = ctx.count > 1 && !hasIndex ? `${template}_{index}` : template;
  // Unknown tokens stay literal; validateTemplate is what rejects them.
  return full.replace(TOKEN_RE, (whole, name: string) => tokenValue(name, ctx) ?? whole);
}

export function renderFileStem(template: string, ctx: NameContext): string {
  return sanitizeStem(renderRaw(template, ctx));
}

const SAMPLE: NameContext = {
  date: new Date(2025, 0, 1, 12, 0, 0),
  prompt: 'sample',
  model: 'veo3.1-fast-official',
  index: 1,
  count: 1,
  jobId: 'job00000',
  aspect: '16:9',
  resolution: '720p',
};

export function validateTemplate(t: string): { ok: true } | ({ ok: false } & ErrorMessage) {
  const refuse = (m: ErrorMessage): { ok: false } & ErrorMessage => ({ ok: false, ...m });
  if (t.trim() === '') return refuse(errorMessage('name_template.empty'));
  if (t.length > TEMPLATE_MAX_CHARS) return refuse(errorMessage('name_template.too_long', { max: TEMPLATE_MAX_CHARS }));
  if (/[/\\]/.test(t)) return refuse(errorMessage('name_template.slash'));
  const unknown = [...t.matchAll(TOKEN_RE)].map((m) => m[1] ?? '').filter((name) => !NAME_TOKENS.includes(name));
  if (unknown.length > 0) {
    const list = NAME_TOKENS.map((n) => `{${n}}`).join(', ');
    return refuse(errorMessage('name_template.unknown_token', { token: `{${unknown[0]}}`, list }));
  }
  if (/[{}]/.test(t.replace(TOKEN_RE, ''))) return refuse(errorMessage('name_template.brace'));
  if (sanitizeStemOrEmpty(renderRaw(t, SAMPLE)) === '') {
    return refuse(errorMessage('name_template.empty_name', { dateToken: '{date}', promptToken: '{prompt}' }));
  }
  return { ok: true };
}
