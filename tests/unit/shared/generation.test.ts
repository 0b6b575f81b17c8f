import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ApiGenerationBodySchema,
  ASPECT_RATIOS,
  GenerationRequestSchema,
  MODELS,
  NEGATIVE_PROMPT_MAX_CHARS,
  PROMPT_MAX_CHARS,
  REQUEST_DEFAULTS,
  RESOLUTIONS,
  RecordedGenerationRequestSchema,
  SEED_MAX,
  buildApiBody,
  describeIssues,
  type ApiGenerationBody,
  type AspectRatio,
  type Duration,
  type FrameRef,
  type Model,
  type RequestKey,
  type Resolution,
  type GenerationRequest,
  type GenerationRequestInput,
} from '../../../shared/domain/generation.js';
import { validateSubmitBody } from '../../../electron/core/demo/submit-schema.js';
import { publicHttpsUrlProblem } from '../../../shared/domain/public-url.js';

const URL_A = 'https://cdn.example.com/a.png';
const URL_B = 'https://cdn.example.com/b.png';
const first = (url = URL_A): FrameRef => ({ kind: 'url', url });

/** Parses and returns the readable lines, failing the test if the input was accepted. */
function problems(input: unknown): string[] {
  const parsed = GenerationRequestSchema.safeParse(input);
  if (parsed.success) throw new Error(`expected a rejection, got ${JSON.stringify(parsed.data)}`);
  return describeIssues(parsed.error);
}

function ok(input: GenerationRequestInput): GenerationRequest {
  const parsed = GenerationRequestSchema.safeParse(input);
  if (!parsed.success) throw new Error(`expected acceptance, got ${describeIssues(parsed.error).join(' | ')}`);
  return parsed.data;
}

/** Exactly one problem, on `field`, whose text matches `text`. */
function expectOneProblem(input: unknown, field: string, text: RegExp): void {
  const lines = problems(input);
  expect(lines).toHaveLength(1);
  expect(lines[0]?.startsWith(`${field}: `), lines[0]).toBe(true);
  expect(lines[0]).toMatch(text);
}

describe('GenerationRequestSchema: defaults', () => {
  it('fills every default and leaves optional fields unset', () => {
    expect(ok({ prompt: 'a lighthouse at dawn' })).toEqual({
      model: 'veo3.1-fast-official',
      prompt: 'a lighthouse at dawn',
      duration: 8,
      aspect_ratio: '16:9',
      resolution: '720p',
      sample_count: 1,
      generate_audio: false,
      person_generation: 'allow_adult',
    });
  });

  it('trims the prompt and drops an empty negative prompt', () => {
    const req = ok({ prompt: '  a boat  ', negative_prompt: '   ' });
    expect(req.prompt).toBe('a boat');
    expect('negative_prompt' in req && req.negative_prompt !== undefined).toBe(false);
    expect(ok({ prompt: 'x', negative_prompt: ' blurry ' }).negative_prompt).toBe('blurry');
  });
});

describe('GenerationRequestSchema: field rules', () => {
  it.each(MODELS)('accepts model %s', (model) => expect(ok({ prompt: 'x', model }).model).toBe(model));

  it('rejects an unknown model, naming the field and the choices', () => {
    expectOneProblem({ prompt: 'x', model: 'veo3' }, 'model', /veo3\.1-fast-official, veo3\.1-quality-official/);
  });

  it.each([4, 6, 8] as const)('accepts duration %d as a number', (duration) => {
    expect(ok({ prompt: 'x', duration }).duration).toBe(duration);
  });

  it('rejects the string "8" with a message saying it must be a number', () => {
    expectOneProblem({ prompt: 'x', duration: '8' }, 'duration', /must be a number/i);
  });

  it.each([0, 5, 7, 10, 8.5, -8])('rejects duration %d', (duration) => {
    expectOneProblem({ prompt: 'x', duration }, 'duration', /4, 6 or 8/);
  });

  it.each(ASPECT_RATIOS)('accepts aspect ratio %s', (aspect_ratio) => expect(ok({ prompt: 'x', aspect_ratio }).aspect_ratio).toBe(aspect_ratio));
  it.each(['4:3', '1:1', '16x9', ''])('rejects aspect ratio %j', (aspect_ratio) => {
    expectOneProblem({ prompt: 'x', aspect_ratio }, 'aspect_ratio', /16:9.*9:16/);
  });

  it.each(RESOLUTIONS)('accepts resolution %s', (resolution) => expect(ok({ prompt: 'x', resolution }).resolution).toBe(resolution));
  it('includes 4K (capital K) and rejects other spellings', () => {
    expect(RESOLUTIONS).toContain('4K');
    for (const bad of ['4k', '2160p', '480p', '720']) expectOneProblem({ prompt: 'x', resolution: bad }, 'resolution', /720p, 1080p or 4K/);
  });

  it('accepts seeds at both bounds', () => {
    expect(ok({ prompt: 'x', seed: 0 }).seed).toBe(0);
    expect(ok({ prompt: 'x', seed: SEED_MAX }).seed).toBe(4_294_967_295);
  });
  it.each([
    [-1, /between 0 and 4294967295/],
    [4_294_967_296, /between 0 and 4294967295/],
    [1.5, /whole number/],
    ['42', /whole number/],
    [Number.NaN, /whole number/],
    [Number.POSITIVE_INFINITY, /whole number|between/],
  ])('rejects seed %s', (seed, text) => expectOneProblem({ prompt: 'x', seed }, 'seed', text));

  it('accepts sample_count 1 to 4', () => {
    for (const n of [1, 2, 3, 4]) expect(ok({ prompt: 'x', sample_count: n }).sample_count).toBe(n);
  });
  it.each([0, 5, -1, 2.5, '2'])('rejects sample_count %j', (sample_count) => {
    expectOneProblem({ prompt: 'x', sample_count }, 'sample_count', /1 to 4/);
  });

  it('accepts both person policies and rejects others', () => {
    expect(ok({ prompt: 'x', person_generation: 'disallow' }).person_generation).toBe('disallow');
    expectOneProblem({ prompt: 'x', person_generation: 'allow_all' }, 'person_generation', /allow_adult or disallow/);
  });

  it('takes generate_audio only as a boolean', () => {
    expect(ok({ prompt: 'x', generate_audio: true }).generate_audio).toBe(true);
    expectOneProblem({ prompt: 'x', generate_audio: 'yes' }, 'generate_audio', /true\/false/);
  });

  it('allows a last frame only together with a first frame', () => {
    expectOneProblem({ prompt: 'x', last_frame_image: first(URL_B) }, 'last_frame_image', /needs a first frame/);
    const req = ok({ prompt: 'x', first_frame_image: first(), last_frame_image: first(URL_B) });
    expect(req.last_frame_image).toEqual({ kind: 'url', url: URL_B });
  });

  it('allows resize_mode only with a first frame, and only pad or crop', () => {
    expectOneProblem({ prompt: 'x', resize_mode: 'crop' }, 'resize_mode', /only applies when a first frame/);
    expect(ok({ prompt: 'x', first_frame_image: first(), resize_mode: 'crop' }).resize_mode).toBe('crop');
    expectOneProblem({ prompt: 'x', first_frame_image: first(), resize_mode: 'stretch' }, 'resize_mode', /pad or crop/);
  });

  it('rejects enhance_prompt false with a message saying to leave it out, and allows true', () => {
    expectOneProblem({ prompt: 'x', enhance_prompt: false }, 'enhance_prompt', /cannot be turned off; leave it out/);
    expect(ok({ prompt: 'x', enhance_prompt: true }).enhance_prompt).toBe(true);
  });

  it('requires a prompt: missing, empty and whitespace-only are all rejected as required', () => {
    expectOneProblem({}, 'prompt', /required/);
    expectOneProblem({ prompt: '' }, 'prompt', /required/);
    expectOneProblem({ prompt: ' \n\t  ' }, 'prompt', /required/);
    expectOneProblem({ prompt: 42 }, 'prompt', /must be text/);
  });

  it('bounds the prompt length (after trimming) and the negative prompt length', () => {
    expect(ok({ prompt: 'p'.repeat(PROMPT_MAX_CHARS) }).prompt).toHaveLength(4000);
    expect(ok({ prompt: `   ${'p'.repeat(PROMPT_MAX_CHARS)}   ` }).prompt).toHaveLength(4000);
    expectOneProblem({ prompt: 'p'.repeat(PROMPT_MAX_CHARS + 1) }, 'prompt', /too long \(4000 characters at most\)/);
    expectOneProblem({ prompt: 'x', negative_prompt: 'n'.repeat(NEGATIVE_PROMPT_MAX_CHARS + 1) }, 'negative_prompt', /too long \(2000/);
  });

  it('rejects control characters in the prompt but keeps newlines and tabs', () => {
    expectOneProblem({ prompt: 'a\u0000b' }, 'prompt', /control characters/);
    expect(ok({ prompt: 'line one\n\tline two' }).prompt).toBe('line one\n\tline two');
  });

  it('rejects unknown keys, one line per key, naming each key', () => {
    const lines = problems({ prompt: 'x', durations: 8, fps: 24 });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^durations: .*Unknown setting “durations”/);
    expect(lines[1]).toMatch(/^fps: .*Unknown setting “fps”/);
    expect(lines.join('\n')).not.toMatch(/Unrecognized key/);
  });

  it('rejects unknown keys inside a frame, naming the nested field', () => {
    const lines = problems({ prompt: 'x', first_frame_image: { kind: 'url', url: URL_A, referer: 'x' } });
    expect(lines).toEqual([expect.stringMatching(/^first_frame_image\.referer: Unknown setting “referer”/)]);
  });

  it('rejects a request that is not an object with a readable message', () => {
    for (const input of ['a boat', null, 42, []]) {
      expect(problems(input)).toEqual([expect.stringMatching(/^request: A generation request must be an object/)]);
    }
  });
});

describe('GenerationRequestSchema: frames', () => {
  it('accepts public https URLs and local files', () => {
    expect(ok({ prompt: 'x', first_frame_image: first('https://example.com/a.jpg') }).first_frame_image).toEqual(first('https://example.com/a.jpg'));
    expect(ok({ prompt: 'x', first_frame_image: { kind: 'file', path: '/tmp/a.png' } }).first_frame_image).toEqual({ kind: 'file', path: '/tmp/a.png' });
  });

  it('keeps a frame URL in its parsed form, so the address checked is the address sent', () => {
    expect(ok({ prompt: 'x', first_frame_image: first('HTTPS://CDN.Example.COM/A.png') }).first_frame_image).toEqual(first('https://cdn.example.com/A.png'));
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:image/png;base64,AAAA', 'ftp://example.com/a.png', '/local/a.png'])(
    'rejects the frame URL %s, naming the field',
    (url) => {
      expectOneProblem({ prompt: 'x', first_frame_image: { kind: 'url', url } }, 'first_frame_image.url', /public https:\/\/ address/);
    },
  );

  it.each([
    ['http://example.com/a.jpg', /https:\/\//],
    ['https://127.0.0.1/a.png', /loopback/],
    ['https://localhost/a.png', /local-only name/],
    ['https://[::1]/a.png', /loopback/],
    ['https://192.168.1.20/a.png', /private/],
    ['https://169.254.169.254/latest/meta-data/', /link-local/],
    ['https://2130706433/a.png', /127\.0\.0\.1 .*loopback/],
    ['https://0x7f.1/a.png', /127\.0\.0\.1 .*loopback/],
    ['https://127.1/a.png', /127\.0\.0\.1 .*loopback/],
    ['https://user:secret@cdn.example.com/a.png', /user name or password/],
    [`https://cdn.example.com/${'a'.repeat(5000)}`, /too long/],
  ])('refuses a frame URL the provider must not be sent: %s', (url, why) => {
    expectOneProblem({ prompt: 'x', first_frame_image: { kind: 'url', url } }, 'first_frame_image.url', why);
  });

  it('never echoes the credentials of a refused URL back in the message', () => {
    expect(problems({ prompt: 'x', first_frame_image: first('https://user:hunter2@cdn.example.com/a.png') }).join('\n')).not.toContain('hunter2');
  });

  it('applies the same URL rule to the last frame', () => {
    const lines = problems({ prompt: 'x', first_frame_image: first(), last_frame_image: { kind: 'url', url: 'https://10.0.0.7/b.png' } });
    expect(lines).toEqual([expect.stringMatching(/^last_frame_image\.url: .*public host.*private/)]);
  });

  it('still reads a recorded request whose frame URL predates the public-https rule', () => {
    const recorded = { prompt: 'x', first_frame_image: first('http://example.com/a.jpg') };
    expect(RecordedGenerationRequestSchema.parse(recorded).first_frame_image).toEqual(first('http://example.com/a.jpg'));
    expect(RecordedGenerationRequestSchema.safeParse({ prompt: 'x', first_frame_image: first('javascript:alert(1)') }).success).toBe(false);
    expect(GenerationRequestSchema.safeParse(recorded).success).toBe(false);
  });

  it('rejects a frame given as a bare string or with an unknown kind', () => {
    expectOneProblem({ prompt: 'x', first_frame_image: URL_A }, 'first_frame_image', /local image file or a public https URL/);
    expect(problems({ prompt: 'x', first_frame_image: { kind: 'ftp', url: URL_A } })[0]).toMatch(/^first_frame_image/);
  });

  it('rejects an empty or NUL-carrying file path', () => {
    expectOneProblem({ prompt: 'x', first_frame_image: { kind: 'file', path: '' } }, 'first_frame_image.path', /empty/);
    expectOneProblem({ prompt: 'x', first_frame_image: { kind: 'file', path: 'a\0b.png' } }, 'first_frame_image.path', /NUL/);
  });

  it('reports several problems at once, each naming its field', () => {
    const lines = problems({ prompt: ' ', duration: '8', seed: -3, enhance_prompt: false });
    const fields = lines.map((l) => l.split(':')[0]).sort();
    expect(fields).toEqual(['duration', 'enhance_prompt', 'prompt', 'seed']);
  });
});

describe('REQUEST_DEFAULTS', () => {
  it('is what a request that names only its prompt becomes, without the prompt', () => {
    const { prompt, ...rest } = ok({ prompt: 'x' });
    expect(prompt).toBe('x');
    expect(REQUEST_DEFAULTS).toEqual(rest);
    expect(REQUEST_DEFAULTS).toEqual({
      model: 'veo3.1-fast-official',
      duration: 8,
      aspect_ratio: '16:9',
      resolution: '720p',
      sample_count: 1,
      generate_audio: false,
      person_generation: 'allow_adult',
    });
    expect(Object.isFrozen(REQUEST_DEFAULTS)).toBe(true);
  });
});

describe('ApiGenerationBodySchema', () => {
  it('types the wire body as the request settings with frames as URL strings', () => {
    expectTypeOf<ApiGenerationBody>().toEqualTypeOf<{
      model: Model;
      prompt: string;
      negative_prompt?: string | undefined;
      duration: Duration;
      aspect_ratio: AspectRatio;
      resolution: Resolution;
      first_frame_image?: string | undefined;
      last_frame_image?: string | undefined;
      seed?: number | undefined;
      sample_count: number;
      generate_audio: boolean;
      person_generation: 'allow_adult' | 'disallow';
      resize_mode?: 'pad' | 'crop' | undefined;
      enhance_prompt?: true | undefined;
    }>();
  });

  it('refuses a body with a frame object, an unknown key, a false enhance_prompt or a last frame alone', () => {
    const base = { model: 'veo3.1-fast-official', prompt: 'x', duration: 8, aspect_ratio: '16:9', resolution: '720p', sample_count: 1, generate_audio: false, person_generation: 'allow_adult' };
    expect(ApiGenerationBodySchema.safeParse(base).success).toBe(true);
    expect(ApiGenerationBodySchema.safeParse({ ...base, first_frame_image: first() }).success).toBe(false);
    expect(ApiGenerationBodySchema.safeParse({ ...base, fps: 24 }).success).toBe(false);
    expect(ApiGenerationBodySchema.safeParse({ ...base, enhance_prompt: false }).success).toBe(false);
    expect(ApiGenerationBodySchema.safeParse({ ...base, last_frame_image: URL_B }).success).toBe(false);
    expect(ApiGenerationBodySchema.safeParse({ ...base, first_frame_image: URL_A, last_frame_image: URL_B }).success).toBe(true);
  });
});

describe('buildApiBody', () => {
  it('writes the body in a fixed key order (the sidecar records it byte for byte)', () => {
    const req = ok({
      prompt: 'x',
      negative_prompt: 'blur',
      seed: 7,
      first_frame_image: first(),
      resize_mode: 'crop',
      last_frame_image: first(URL_B),
      enhance_prompt: true,
    });
    expect(Object.keys(buildApiBody(req, { first: URL_A, last: URL_B }))).toEqual([
      'model',
      'prompt',
      'duration',
      'aspect_ratio',
      'resolution',
      'sample_count',
      'generate_audio',
      'person_generation',
      'negative_prompt',
      'seed',
      'first_frame_image',
      'resize_mode',
      'last_frame_image',
      'enhance_prompt',
    ]);
  });

  it('sends the defaults and omits every unset optional field (no nulls, no undefined keys)', () => {
    const body = buildApiBody(ok({ prompt: 'a lighthouse' }), {});
    expect(body).toEqual({
      model: 'veo3.1-fast-official',
      prompt: 'a lighthouse',
      duration: 8,
      aspect_ratio: '16:9',
      resolution: '720p',
      sample_count: 1,
      generate_audio: false,
      person_generation: 'allow_adult',
    });
    expect(Object.keys(body).sort()).toEqual(
      ['aspect_ratio', 'duration', 'generate_audio', 'model', 'person_generation', 'prompt', 'resolution', 'sample_count'].sort(),
    );
    expect(JSON.stringify(body)).not.toMatch(/null|enhance_prompt|resize_mode|seed|negative_prompt|frame/);
  });

  it('keeps duration a JSON number', () => {
    const body = buildApiBody(ok({ prompt: 'x', duration: 4 }), {});
    expect(JSON.stringify(body)).toContain('"duration":4');
    expect(typeof JSON.parse(JSON.stringify(body)).duration).toBe('number');
  });

  it('sends enhance_prompt only when true, never false', () => {
    expect(buildApiBody(ok({ prompt: 'x', enhance_prompt: true }), {}).enhance_prompt).toBe(true);
    expect('enhance_prompt' in buildApiBody(ok({ prompt: 'x' }), {})).toBe(false);
    // Even a request object built without the schema cannot make it send false.
    const forged = { ...ok({ prompt: 'x' }), enhance_prompt: false } as unknown as GenerationRequest;
    expect('enhance_prompt' in buildApiBody(forged, {})).toBe(false);
  });

  it('sends all optional fields that are set', () => {
    const req = ok({
      prompt: 'x',
      model: 'veo3.1-quality-official',
      negative_prompt: 'blurry',
      seed: 0,
      sample_count: 3,
      generate_audio: true,
      person_generation: 'disallow',
      aspect_ratio: '9:16',
      resolution: '4K',
      first_frame_image: { kind: 'file', path: '/tmp/a.png' },
      last_frame_image: first(URL_B),
      resize_mode: 'crop',
    });
    expect(buildApiBody(req, { first: 'https://upload.apimart.ai/f/a.png', last: URL_B })).toEqual({
      model: 'veo3.1-quality-official',
      prompt: 'x',
      negative_prompt: 'blurry',
      duration: 8,
      aspect_ratio: '9:16',
      resolution: '4K',
      first_frame_image: 'https://upload.apimart.ai/f/a.png',
      last_frame_image: URL_B,
      seed: 0,
      sample_count: 3,
      generate_audio: true,
      person_generation: 'disallow',
      resize_mode: 'crop',
    });
  });

  it('puts resize_mode only with a first frame image', () => {
    const withImage = buildApiBody(ok({ prompt: 'x', first_frame_image: first(), resize_mode: 'pad' }), { first: URL_A });
    expect(withImage.resize_mode).toBe('pad');
    // A request object that slipped past the schema still never sends resize_mode without an image.
    const forged = { ...ok({ prompt: 'x' }), resize_mode: 'crop' } as GenerationRequest;
    expect('resize_mode' in buildApiBody(forged, {})).toBe(false);
  });

  it('refuses to build a body while a frame has no public URL yet', () => {
    const req = ok({ prompt: 'x', first_frame_image: { kind: 'file', path: '/tmp/a.png' }, last_frame_image: first(URL_B) });
    expect(() => buildApiBody(req, {})).toThrow(/first frame has no URL/);
    expect(() => buildApiBody(req, { first: URL_A })).toThrow(/last frame has no URL/);
  });
});

describe('buildApiBody: property — any valid request yields a body the provider accepts', () => {
  const frameArb: fc.Arbitrary<FrameRef> = fc.oneof(
    fc.webUrl({ validSchemes: ['https'] }).filter((url) => publicHttpsUrlProblem(url) === undefined).map((url) => ({ kind: 'url' as const, url })),
    fc.constantFrom('/tmp/a.png', 'C:\\frames\\b.jpg', 'rel/c.webp').map((path) => ({ kind: 'file' as const, path })),
  );
  const seedArb = fc.tuple(fc.nat(65_535), fc.nat(65_535)).map(([hi, lo]) => hi * 65_536 + lo);
  // Keyed by every request setting, so a new one does not compile until it is generated here
  // (and so reaches the fake server's independent check below).
  const settingArbs = {
    prompt: fc.string({ minLength: 1, maxLength: 120 }),
    model: fc.constantFrom(...MODELS),
    negative_prompt: fc.string({ maxLength: 40 }),
    duration: fc.constantFrom(4 as const, 6 as const, 8 as const),
    aspect_ratio: fc.constantFrom(...ASPECT_RATIOS),
    resolution: fc.constantFrom(...RESOLUTIONS),
    first_frame_image: frameArb,
    last_frame_image: frameArb,
    seed: seedArb,
    sample_count: fc.integer({ min: 1, max: 4 }),
    generate_audio: fc.boolean(),
    person_generation: fc.constantFrom('allow_adult' as const, 'disallow' as const),
    resize_mode: fc.constantFrom('pad' as const, 'crop' as const),
    enhance_prompt: fc.constant(true as const),
  } satisfies { [K in RequestKey]-?: fc.Arbitrary<unknown> };
  const inputArb = fc.record(settingArbs, { requiredKeys: ['prompt'] });

  it('duration is 4/6/8 as a number, enhance_prompt is never false, last ⇒ first, resize_mode ⇒ first', () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const parsed = GenerationRequestSchema.safeParse(input);
        // Invalid combinations (last without first, …) are the schema's job; skip them here.
        fc.pre(parsed.success);
        if (!parsed.success) return;
        accepted += 1;
        const req = parsed.data;
        const urlOf = (f: FrameRef | undefined) => (f === undefined ? undefined : f.kind === 'url' ? f.url : 'https://upload.apimart.ai/f/x.png');
        const urls: { first?: string; last?: string } = {};
        const firstUrl = urlOf(req.first_frame_image);
        const lastUrl = urlOf(req.last_frame_image);
        if (firstUrl) urls.first = firstUrl;
        if (lastUrl) urls.last = lastUrl;
        const wire = JSON.parse(JSON.stringify(buildApiBody(req, urls))) as Record<string, unknown>;

        expect(typeof wire.duration).toBe('number');
        expect([4, 6, 8]).toContain(wire.duration);
        expect(wire.enhance_prompt === undefined || wire.enhance_prompt === true).toBe(true);
        if (wire.last_frame_image !== undefined) expect(typeof wire.first_frame_image).toBe('string');
        if (wire.resize_mode !== undefined) expect(typeof wire.first_frame_image).toBe('string');
        expect(Object.values(wire)).not.toContain(null);
        expect(Number.isInteger(wire.sample_count)).toBe(true);
        if (wire.seed !== undefined) expect(Number.isInteger(wire.seed) && (wire.seed as number) >= 0 && (wire.seed as number) <= SEED_MAX).toBe(true);
        // The wire schema derived from the request accepts it unchanged…
        const checked = ApiGenerationBodySchema.safeParse(wire);
        expect(checked.success, checked.success ? '' : describeIssues(checked.error).join(' | ')).toBe(true);
        expect(checked.data).toEqual(wire);
        // …and so does the fake server's independent copy of the provider's rules.
        const verdict = validateSubmitBody(wire);
        expect(verdict.ok, verdict.ok ? '' : verdict.message).toBe(true);
      }),
      { numRuns: 400, seed: 20260101 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
