import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/errors.js';
import { errnoCode } from './download-errors.js';
import { sanitizeStem, sanitizeStemOrEmpty } from './stem-sanitize.js';

export { sanitizeStem } from './stem-sanitize.js';

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

export function validateTemplate(t: string): { ok: true } | { ok: false; message: string } {
  if (t.trim() === '') return { ok: false, message: 'The file name template is empty.' };
  if (t.length > TEMPLATE_MAX_CHARS) {
    return { ok: false, message: `The file name template is too long (${TEMPLATE_MAX_CHARS} characters at most).` };
  }
  if (/[/\\]/.test(t)) {
    return { ok: false, message: 'The file name template cannot contain / or \\: choose the folder separately.' };
  }
  const unknown = [...t.matchAll(TOKEN_RE)].map((m) => m[1] ?? '').filter((name) => !NAME_TOKENS.includes(name));
  if (unknown.length > 0) {
    const list = NAME_TOKENS.map((n) => `{${n}}`).join(', ');
    return { ok: false, message: `Unknown token {${unknown[0]}} in the file name template. Available: ${list}.` };
  }
  if (/[{}]/.test(t.replace(TOKEN_RE, ''))) {
    return { ok: false, message: 'The file name template has a { or } without its partner.' };
  }
  if (sanitizeStemOrEmpty(renderRaw(t, SAMPLE)) === '') {
    return { ok: false, message: 'The file name template produces an empty name: add a token such as {date} or {prompt}.' };
  }
  return { ok: true };
}

/** `x.mp4` → `x.keyframe.json`. */
export function sidecarNameFor(videoFileName: string): string {
  const stem = /\.mp4$/i.test(videoFileName) ? videoFileName.slice(0, -4) : videoFileName.replace(/\.[^.]*$/, '');
  return `${stem}.keyframe.json`;
}

async function absent(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return false;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return true;
    throw err;
  }
}

const MAX_SUFFIX = 10_000;

/**
 * Picks `<stem>.mp4`, else `<stem> (2).mp4`, `(3)`… such that no video, part
 * or sidecar of that name exists and no other in-flight job holds it.
 * `reserved` is compared case-insensitively because macOS and Windows
 * folders are: `A.mp4` and `a.mp4` are the same file there.
 */
export async function allocateFileName(dir: string, stem: string, reserved: ReadonlySet<string>): Promise<string> {
  const taken = new Set([...reserved].map((n) => n.toLowerCase()));
  const base = sanitizeStem(stem);
  for (let n = 1; n <= MAX_SUFFIX; n += 1) {
    const name = n === 1 ? `${base}.mp4` : `${base} (${n}).mp4`;
    if (taken.has(name.toLowerCase())) continue;
    const paths = [name, `${name}.part`, sidecarNameFor(name)].map((p) => join(dir, p));
    if ((await Promise.all(paths.map(absent))).every(Boolean)) return name;
  }
  throw new AppFailure({
    code: 'io',
    message: `The output folder already holds more than ${MAX_SUFFIX} files named like "${base}"; change the name template.`,
    retryable: false,
  });
}
