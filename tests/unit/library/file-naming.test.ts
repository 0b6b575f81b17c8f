import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_NAME_TEMPLATE,
  NAME_TOKENS,
  allocateFileName,
  promptSlug,
  renderFileStem,
  sanitizeStem,
  sidecarNameFor,
  validateTemplate,
  type NameContext,
} from '../../../electron/core/library/file-naming.js';

const ctx = (over: Partial<NameContext> = {}): NameContext => ({
  date: new Date(2025, 2, 7, 9, 5, 3), // local time
  prompt: 'A paper boat drifting down a rainy street, cinematic',
  model: 'veo3.1-fast-official',
  index: 1,
  count: 1,
  jobId: 'abcdef1234567890',
  aspect: '16:9',
  resolution: '1080p',
  ...over,
});

describe('renderFileStem', () => {
  it('renders the default template', () => {
    expect(DEFAULT_NAME_TEMPLATE).toBe('{date}_{time}_{prompt}');
    expect(renderFileStem(DEFAULT_NAME_TEMPLATE, ctx())).toBe('2025-03-07_09-05-03_a-paper-boat-drifting-down-a');
  });

  it('renders every token', () => {
    const all = NAME_TOKENS.map((t) => `{${t}}`).join('_');
    expect(renderFileStem(all, ctx({ seed: 42, index: 2, count: 2 }))).toBe(
      '2025-03-07_09-05-03_a-paper-boat-drifting-down-a_fast_42_2_abcdef12_16x9_1080p',
    );
    expect(renderFileStem('{model}_{seed}', ctx({ model: 'veo3.1-quality-official' }))).toBe('quality_noseed');
  });

  it('appends the index when a job has several outputs and the template lacks it', () => {
    expect(renderFileStem('{prompt}', ctx({ index: 3, count: 4 }))).toBe('a-paper-boat-drifting-down-a_3');
    expect(renderFileStem('{index}-{prompt}', ctx({ index: 3, count: 4 }))).toBe('3-a-paper-boat-drifting-down-a');
    expect(renderFileStem('{prompt}', ctx({ index: 1, count: 1 }))).toBe('a-paper-boat-drifting-down-a');
  });
});

describe('promptSlug', () => {
  it('keeps Korean letters and drops punctuation', () => {
    expect(promptSlug('비 오는 거리를 떠내려가는 종이배, 영화 같은 장면')).toBe('비-오는-거리를-떠내려가는-종이배-영화');
  });
  it('folds Latin accents to ASCII', () => {
    expect(promptSlug('Café crème BRÛLÉE à Paris')).toBe('cafe-creme-brulee-a-paris');
  });
  it('limits the slug to 48 characters at a word boundary', () => {
    const slug = promptSlug('supercalifragilistic expialidocious extraordinarily magnificent panoramic vistas');
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug).toBe('supercalifragilistic-expialidocious');
    expect(promptSlug('x'.repeat(100))).toHaveLength(48);
  });
  it('has a fallback for prompts without letters', () => {
    expect(promptSlug('!!! ???')).toBe('untitled');
  });
});

describe('sanitizeStem', () => {
  it('strips characters Windows forbids and control characters', () => {
    expect(sanitizeStem('a<b>c:d"e/f\\g|h?i*j\u0001k')).toBe('abcdefghijk');
  });
  it('drops trailing dots and spaces and leading dots', () => {
    expect(sanitizeStem('  ..hidden name. . ')).toBe('hidden name');
  });
  it('defuses reserved device names', () => {
    expect(sanitizeStem('CON')).toBe('_CON');
    expect(sanitizeStem('nul')).toBe('_nul');
    expect(sanitizeStem('com1.backup')).toBe('_com1.backup');
    expect(sanitizeStem('LPT9 ')).toBe('_LPT9');
    expect(sanitizeStem('console')).toBe('console');
  });
  it('caps length in characters and UTF-8 bytes', () => {
    expect(sanitizeStem('a'.repeat(300))).toHaveLength(120);
    const korean = sanitizeStem('가'.repeat(300));
    expect(Buffer.byteLength(korean)).toBeLessThanOrEqual(200);
  });
  it('removes bidi overrides that could disguise an extension', () => {
    expect(sanitizeStem('clip\u202Egpj')).toBe('clipgpj');
  });
  it('is never empty', () => {
    expect(sanitizeStem('')).toBe('video');
    expect(sanitizeStem('???...')).toBe('video');
  });
});

describe('validateTemplate', () => {
  it('accepts the default and known tokens', () => {
    expect(validateTemplate(DEFAULT_NAME_TEMPLATE)).toEqual({ ok: true });
    expect(validateTemplate('clip {seed} ({res})')).toEqual({ ok: true });
  });
  it.each([
    ['', /empty/],
    ['{date}/{prompt}', /cannot contain \//],
    ['a\\b', /cannot contain/],
    ['{date}_{colour}', /Unknown token \{colour\}.*\{prompt\}/],
    ['{date', /without its partner/],
    ['???', /empty name/],
    ['x'.repeat(201), /too long/],
  ])('rejects %j', (template, message) => {
    const r = validateTemplate(template);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('allocateFileName', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kf-name-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the plain name when free', async () => {
    expect(await allocateFileName(dir, 'clip', new Set())).toBe('clip.mp4');
  });

  it('skips names whose video, part or sidecar exists, and reserved names', async () => {
    await writeFile(join(dir, 'clip.mp4'), '');
    await writeFile(join(dir, 'clip (2).mp4.part'), '');
    await writeFile(join(dir, 'clip (3).keyframe.json'), '');
    const reserved = new Set(['CLIP (4).mp4']); // other case: same file on macOS/Windows
    expect(await allocateFileName(dir, 'clip', reserved)).toBe('clip (5).mp4');
  });

  it('sanitizes the stem it is given', async () => {
    expect(await allocateFileName(dir, 'con', new Set())).toBe('_con.mp4');
  });
});

describe('sidecarNameFor', () => {
  it('replaces the video extension', () => {
    expect(sidecarNameFor('x.mp4')).toBe('x.keyframe.json');
    expect(sidecarNameFor('clip (2).MP4')).toBe('clip (2).keyframe.json');
    expect(sidecarNameFor('noext')).toBe('noext.keyframe.json');
  });
});
