import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs, UsageError } from '../../../electron/cli/generate-args.js';
import { GENERATE_OPTIONS_HELP, REQUEST_OPTIONS, RUN_OPTIONS } from '../../../electron/cli/generate-flags.js';
import { isAppFailure } from '../../../shared/errors.js';
import { SEED_MAX } from '../../../shared/domain/generation.js';
import { cli } from '../../support/cli-in-process.js';

const KEY = { apiKey: 'sk-input-test-123456' };

describe('keyframe CLI: bad input gets one line naming the field', () => {
  it.each([
    [['generate', 'a cat', '--duration', '5'], 'duration', 'Duration must be 4, 6 or 8 seconds'],
    [['generate', 'a cat', '--duration', 'eight'], 'duration', 'not text'],
    [['generate', 'a cat', '--aspect', '4:3'], 'aspect_ratio', '16:9'],
    [['generate', 'a cat', '--resolution', '8K'], 'resolution', '4K'],
    [['generate', 'a cat', '--seed=-1'], 'seed', '4294967295'],
    [['generate', 'a cat', '--seed', '-1'], '--seed', 'argument'],
    [['generate', 'a cat', '--samples', '5'], 'sample_count', '1 to 4'],
    [['generate', 'a cat', '--last-frame', 'https://example.com/end.png'], 'last_frame_image', 'first frame'],
    [['generate', 'a cat', '--resize', 'crop'], 'resize_mode', 'first frame'],
    [['generate', '   '], 'prompt', 'required'],
    [['generate', 'a cat', '--model', 'veo2'], 'model', 'veo3.1-fast-official'],
    [['generate', 'a cat', '--first-frame', 'javascript:alert(1)'], 'first_frame_image', ''],
  ])('%j → exit 2 naming %s', async (argv, field, words) => {
    const r = await cli(argv, KEY);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^keyframe: /);
    expect(lines[0]).toContain(field);
    expect(lines[0]).toContain(words);
  });

  it('refuses the key as a flag (it would land in shell history)', async () => {
    const r = await cli(['generate', 'a cat', '--api-key', 'sk-oops-123456'], KEY);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('APIMART_API_KEY');
    expect(r.stderr).not.toContain('sk-oops-123456');
  });

  it('a missing key exits 3 and suggests the demo provider', async () => {
    const r = await cli(['generate', 'a cat']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--demo');
  });

  it('an unknown option or command is a usage error', async () => {
    expect((await cli(['generate', 'a cat', '--frobnicate'], KEY)).code).toBe(2);
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('keyframe help');
  });

  it('a frame that is not an image is refused before anything is sent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keyframe-frame-'));
    const pdf = join(dir, 'start.png');
    await writeFile(pdf, '%PDF-1.7\n%…');
    const r = await cli(['generate', 'a cat', '--first-frame', pdf], { ...KEY, baseUrl: 'http://127.0.0.1:9' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a JPEG, PNG, WebP or GIF');
  });

  it('a bad name template names the problem', async () => {
    const r = await cli(['generate', 'a cat', '--name', '{date}_{nope}'], KEY);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^keyframe: name: /);
  });

  it('help and version', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('keyframe generate');
    expect((await cli(['--version'])).stdout.trim()).toBe('9.9.9');
  });

  it('jobs and library on an empty data folder explain how to start', async () => {
    expect((await cli(['jobs'])).stdout).toContain('keyframe generate --demo');
    expect((await cli(['library'])).stdout).toContain('empty');
  });
});

describe('generate argument mapping', () => {
  it('maps every option onto the request schema fields', () => {
    const a = parseGenerateArgs([
      'a fox',
      '-m', 'quality', '-d', '6', '-a', '9:16', '-r', '4k', '--seed', '42', '-n', '2', '--audio',
      '--negative', 'blur', '--no-people', '--first-frame', 'https://x.test/a.png', '--last-frame', './b.png',
      '--resize', 'crop', '--enhance-prompt', '--json', '--demo',
    ]);
    expect(a.request).toEqual({
      prompt: 'a fox',
      model: 'veo3.1-quality-official',
      duration: 6,
      aspect_ratio: '9:16',
      resolution: '4K',
      seed: 42,
      sample_count: 2,
      generate_audio: true,
      negative_prompt: 'blur',
      person_generation: 'disallow',
      first_frame_image: { kind: 'url', url: 'https://x.test/a.png' },
      last_frame_image: { kind: 'file', path: './b.png' },
      resize_mode: 'crop',
      enhance_prompt: true,
    });
    expect(a.json && a.demo).toBe(true);
  });

  it('gives back a checked request, with the defaults of settings not given', () => {
    expect(parseGenerateArgs(['  a fox  ']).request).toEqual({
      prompt: 'a fox',
      model: 'veo3.1-fast-official',
      duration: 8,
      aspect_ratio: '16:9',
      resolution: '720p',
      sample_count: 1,
      generate_audio: false,
      person_generation: 'allow_adult',
    });
    expect(parseGenerateArgs(['x', '--model', 'veo3.1-quality-official', '--person', 'allow_adult']).request).toMatchObject({
      model: 'veo3.1-quality-official',
      person_generation: 'allow_adult',
    });
  });

  it('leaves the seed to the job for --seed random, as when no --seed is given (the job draws and records it)', () => {
    expect(parseGenerateArgs(['x', '--seed', 'random']).request.seed).toBeUndefined();
    expect(parseGenerateArgs(['x']).request.seed).toBeUndefined();
    expect(parseGenerateArgs(['x', '--seed', String(SEED_MAX)]).request.seed).toBe(SEED_MAX);
  });

  it('refuses a setting the schema refuses, naming the field', () => {
    let thrown: unknown;
    try {
      parseGenerateArgs(['x', '--duration', '5']);
    } catch (err) {
      thrown = err;
    }
    expect(isAppFailure(thrown) && thrown.app.code === 'invalid_request' && thrown.app.field).toBe('duration');
  });

  it('rejects two prompts and conflicting person flags', () => {
    expect(() => parseGenerateArgs(['a', 'b'])).toThrow(UsageError);
    expect(() => parseGenerateArgs(['a', '--person', 'allow_adult', '--no-people'])).toThrow(UsageError);
  });
});

describe('generate options: one table for the parser and the help', () => {
  const listed = [...Object.values(REQUEST_OPTIONS), ...Object.values(RUN_OPTIONS)].filter((o) => !('hidden' in o));
  const flagNames = listed.flatMap((o) => o.flags.map((f) => f.name));

  it('keyframe help lists every option the parser takes (but the unadvertised --no-wait)', async () => {
    const help = (await cli(['help'])).stdout;
    expect(help).toContain(GENERATE_OPTIONS_HELP);
    for (const name of flagNames) expect(help).toContain(`--${name}`);
    expect(help).not.toContain('--no-wait');
  });

  it('writes the help lines in the same two columns', () => {
    expect(GENERATE_OPTIONS_HELP).toContain('  -d, --duration 4|6|8            seconds (default 8)\n');
    expect(GENERATE_OPTIONS_HELP).toContain('  -m, --model fast|quality        veo3.1-fast-official (default) or veo3.1-quality-official\n');
    expect(GENERATE_OPTIONS_HELP).toContain('      --person allow_adult|disallow, --no-people\n');
    expect(GENERATE_OPTIONS_HELP).toContain('      --first-frame PATH|URL      image-to-video start frame (JPEG/PNG/WebP/GIF, ≤ 20 MB)\n');
  });

  it('every advertised option is named in the README too', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const missing = flagNames.filter((name) => !readme.includes(`--${name}`));
    expect(missing).toEqual([]);
  });
});
