import fc from 'fast-check';
import { ASPECT_RATIOS, MODELS, PERSON_POLICIES, RESIZE_MODES, RESOLUTIONS, SEED_MAX } from '../../../shared/domain/generation.js';
import type { Channel } from '../../../shared/ipc/channels.js';
import { LANGUAGES, SPENDING_CAP_MAX_USD, THEMES } from '../../../shared/ipc/views.js';
import {
  HUGE,
  badEnum,
  badFrameRef,
  badId,
  badInt,
  badText,
  hugeString,
  notBoolean,
  notNumber,
  notObject,
  notObjectOrMissing,
  notString,
  scalarOrObject,
  TRAVERSAL,
} from './fuzz-arbitraries.js';

/** Per op: which field (path into the valid sample) gets which invalid values; and where extra keys are injected. */

export interface Mutation {
  path: readonly string[];
  bad: fc.Arbitrary<unknown>;
}

const missing = fc.constant(undefined);
const id = [{ path: ['id'], bad: fc.oneof(badId, missing) }];
const duration = fc.oneof(notNumber, fc.integer({ min: -100, max: 100 }).filter((n) => ![4, 6, 8].includes(n)), fc.constantFrom(8.5, -8, 1e308));
const promptBad = fc.oneof(notString, hugeString, fc.constantFrom('', '   ', '\u0001hidden', 'x'.repeat(4001)), missing);

const requestFields = (prefix: readonly string[]): Mutation[] => {
  const at = (k: string) => [...prefix, k];
  return [
    { path: prefix, bad: notObjectOrMissing },
    { path: at('prompt'), bad: promptBad },
    { path: at('negative_prompt'), bad: fc.oneof(notString, hugeString, fc.constantFrom('x'.repeat(2001), 'bell\u0007')) },
    { path: at('model'), bad: badEnum(MODELS) },
    { path: at('duration'), bad: duration },
    { path: at('aspect_ratio'), bad: badEnum(ASPECT_RATIOS) },
    { path: at('resolution'), bad: badEnum(RESOLUTIONS) },
    { path: at('seed'), bad: badInt(0, SEED_MAX) },
    { path: at('sample_count'), bad: badInt(1, 4) },
    { path: at('generate_audio'), bad: notBoolean },
    { path: at('person_generation'), bad: badEnum(PERSON_POLICIES) },
    { path: at('resize_mode'), bad: badEnum(RESIZE_MODES) },
    { path: at('enhance_prompt'), bad: fc.oneof(fc.constant(false), notBoolean) },
    { path: at('first_frame_image'), bad: badFrameRef },
    { path: at('last_frame_image'), bad: badFrameRef },
  ];
};

/** A batch's source and defaults: a source of an unknown kind or with too much text, a sweep out of its bounds, defaults the request refuses. */
const batchFields: Mutation[] = [
  { path: ['source'], bad: notObjectOrMissing },
  { path: ['source', 'kind'], bad: fc.oneof(badEnum(['text', 'csv', 'jsonl', 'sweep']), missing) },
  { path: ['source', 'text'], bad: fc.oneof(notString, fc.constant('x'.repeat(1_000_001)), missing) },
  { path: ['defaults'], bad: notObjectOrMissing },
  { path: ['defaults', 'duration'], bad: duration },
  { path: ['defaults', 'prompt'], bad: fc.oneof(notString, fc.constant('x'.repeat(4001))) },
  { path: ['defaults', 'first_frame_image'], bad: badFrameRef },
  { path: ['defaults', 'seed'], bad: badInt(0, SEED_MAX) },
];

const badTags = fc.oneof(
  scalarOrObject,
  fc.constantFrom('sea', 'a,b'),
  fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 21, maxLength: 25 }),
  fc.constantFrom([''], ['x'.repeat(41)], [1], [null], [HUGE], [['nested']], [{ tag: 'x' }]),
  missing,
);
/** A spending cap: null (no cap) and a missing one are valid, so neither is among these. */
const badCap = fc.oneof(
  notNumber.filter((v) => v !== null),
  fc.double({ min: -1e9, max: -1e-9, noNaN: true }),
  fc.double({ min: SPENDING_CAP_MAX_USD + 0.01, max: 1e300, noNaN: true }),
  fc.constantFrom(-0.01, SPENDING_CAP_MAX_USD * 2, '5', '$5', 'none'),
);
/** A month is `YYYY-MM`; a missing one (the current month) is valid. */
const badMonth = fc.oneof(
  notString,
  hugeString,
  fc.constantFrom('', '2026', '2026-9', '2026-13', '2026-00', '26-09', '2026-09-14', '2026/09', ' 2026-09', '2026-09\n', ...TRAVERSAL),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(s)),
);
/** Base64 text the contract must refuse (an empty string is valid text: the store refuses it). */
const TOO_LONG_BASE64 = 'A'.repeat(28_000_000);
const badBase64 = fc.oneof(notString, fc.constantFrom('!!!', 'data:image/png;base64,iVBO', '../../etc/passwd', 'abc=def', `${HUGE}!`, TOO_LONG_BASE64), missing);
const badKey = fc.oneof(
  notString,
  hugeString,
  fc.constantFrom('short', '', '        ', 'has space inside key', 'ключ-не-ascii-123', 'tab\tinside-key', 'x'.repeat(513), 'newline\nkey12345'),
  missing,
);

/** A sequence name becomes a file name in the output folder: no folder, no dot or space at its ends, nothing Windows refuses. */
const badSequenceName = fc.oneof(
  notString,
  hugeString,
  fc.constantFrom('', ' lead', 'trail ', '.hidden', 'dot.', 'a/b', 'a\\b', 'a:b', 'what?', 'star*', 'pipe|', 'quote"', 'tab\tname', 'x'.repeat(121), ...TRAVERSAL.filter((t) => /[/\\:<>]|\p{Cc}/u.test(t))),
  missing,
);
const badRevision = fc.oneof(notString, hugeString, fc.constantFrom('', 'B'.repeat(64), 'b'.repeat(63), 'b'.repeat(65), 'g'.repeat(64), ...TRAVERSAL), missing);
const badExportId = fc.oneof(notString, hugeString, fc.constantFrom('', `exp${'c'.repeat(23)}`, `exp${'C'.repeat(24)}`, `job${'c'.repeat(24)}`, `exp${'c'.repeat(24)}_0`, ...TRAVERSAL), missing);
const badExportFile = fc.oneof(notString, hugeString, fc.constantFrom('', 'cut.mov', '.cut.mp4', 'a/cut.mp4', '..\\cut.mp4', 'cut', 'c:ut.mp4', 'cut.mp4\n', `${'x'.repeat(200)}.mp4`, ...TRAVERSAL));
/** A clip path: relative, inside the sequence's folder. */
const badClipFile = fc.oneof(notString, hugeString, fc.constantFrom('', '../a.mp4', 'x/../../a.mp4', '/etc/passwd', 'C:/v/a.mp4', 'sub\\a.mp4', './a.mp4', 'a//b.mp4', 'a\u0000.mp4', 'x'.repeat(4097)), missing);
const badSeconds = fc.oneof(notNumber, fc.constantFrom(-0.001, -1, 86_401, 1e308, Number.NaN));
const sequenceClip: Mutation[] = [
  { path: ['clips'], bad: fc.oneof(scalarOrObject, missing, fc.constant(Array.from({ length: 501 }, () => ({ file: 'a.mp4' })))) },
  { path: ['clips', '0'], bad: notObject },
  { path: ['clips', '0', 'file'], bad: badClipFile },
  { path: ['clips', '0', 'in'], bad: fc.oneof(badSeconds, fc.constant(3)) },
  { path: ['clips', '0', 'out'], bad: fc.oneof(badSeconds, fc.constant(0.25)) },
  { path: ['clips', '0', 'title'], bad: fc.oneof(notString, fc.constant('x'.repeat(201))) },
  { path: ['clips', '0', 'ref'], bad: badInt(0, 499) },
];

export const MUTATIONS: Record<Channel, Mutation[]> = {
  'jobs:submit': [
    ...requestFields(['request']),
    { path: ['confirmDuplicate'], bad: notBoolean },
    { path: ['lineage'], bad: notObjectOrMissing.filter((v) => v !== undefined) },
    { path: ['lineage', 'parentId'], bad: fc.oneof(badId, missing) },
    { path: ['lineage', 'frame'], bad: fc.oneof(fc.constantFrom('middle', '', -1, 3601, Number.NaN, null, true), missing) },
  ],
  'jobs:list': [],
  'jobs:retry': id,
  'jobs:stop': id,
  'jobs:resume': id,
  'jobs:approve': id,
  'jobs:queueState': [],
  'jobs:pauseQueue': [],
  'jobs:resumeQueue': [],
  'library:query': [
    { path: ['text'], bad: badText(500, { allowEmpty: true }) },
    { path: ['model'], bad: badText(100, { allowEmpty: true }) },
    { path: ['resolution'], bad: badEnum(RESOLUTIONS) },
    { path: ['aspect'], bad: badEnum(ASPECT_RATIOS) },
    { path: ['duration'], bad: duration },
    { path: ['audio'], bad: notBoolean },
    { path: ['favorite'], bad: notBoolean },
    { path: ['from'], bad: notNumber },
    { path: ['to'], bad: notNumber },
    { path: ['sort'], bad: badEnum(['newest', 'oldest', 'cost', 'duration']) },
    { path: ['offset'], bad: badInt(0, 1_000_000) },
    { path: ['limit'], bad: badInt(1, 500) },
    // Shot keys are ids up to 160 characters, so a long id-like string is not bad here.
    { path: ['shot'], bad: fc.oneof(badId, fc.constant('s'.repeat(161))).filter((v) => !(typeof v === 'string' && /^[A-Za-z0-9_-]{1,160}$/.test(v))) },
    { path: ['group'], bad: badEnum(['shot']) },
  ],
  'library:get': id,
  'library:setFavorite': [...id, { path: ['favorite'], bad: fc.oneof(notBoolean, missing) }],
  'library:setTags': [...id, { path: ['tags'], bad: badTags }],
  'library:trash': id,
  'library:restore': id,
  'library:reveal': id,
  'library:startDrag': id,
  'library:savePoster': [...id, { path: ['dataBase64'], bad: badBase64 }],
  'library:posterBacklog': [
    { path: ['limit'], bad: fc.oneof(badInt(1, 50), missing) },
    { path: ['skip'], bad: fc.oneof(scalarOrObject, fc.constant(['../x']), fc.constant(Array.from({ length: 501 }, (_, i) => `v${i}`))) },
  ],
  'library:folders': [],
  'library:addFolder': [{ path: ['path'], bad: fc.oneof(notString, fc.constant(''), fc.constant('/'.repeat(4097)), missing) }],
  'library:chooseFolder': [],
  'library:removeFolder': [{ path: ['path'], bad: fc.oneof(notString, fc.constant(''), fc.constant('/'.repeat(4097)), missing) }],
  'frames:import': [
    { path: ['name'], bad: fc.oneof(badText(255), missing) },
    { path: ['dataBase64'], bad: badBase64 },
  ],
  'settings:get': [],
  'settings:update': [
    { path: ['outputDir'], bad: badText(4096) },
    { path: ['nameTemplate'], bad: badText(200) },
    { path: ['concurrency'], bad: badInt(1, 16) },
    { path: ['language'], bad: badEnum(LANGUAGES) },
    { path: ['theme'], bad: badEnum(THEMES) },
    { path: ['demoMode'], bad: notBoolean },
    { path: ['dailyCapUsd'], bad: badCap },
    { path: ['monthlyCapUsd'], bad: badCap },
  ],
  'settings:chooseOutputDir': [],
  'settings:setApiKey': [{ path: ['key'], bad: badKey }],
  'settings:clearApiKey': [],
  'settings:hasApiKey': [],
  'settings:testApiKey': [],
  'app:version': [],
  'app:locale': [],
  'cost:estimate': requestFields(['request']),
  'cost:prices': [],
  'spend:summary': [{ path: ['month'], bad: badMonth }],
  'balance:get': [],
  'library:lineage': id,
  'batch:plan': batchFields,
  'batch:queue': [...batchFields, { path: ['name'], bad: badText(200) }],
  'batch:list': [],
  'batch:pause': id,
  'batch:resume': id,
  'history:list': [
    { path: ['search'], bad: badText(500, { allowEmpty: true }) },
    { path: ['limit'], bad: fc.oneof(badInt(1, 200), missing) },
    { path: ['offset'], bad: badInt(0, 2000) },
  ],
  'sequence:list': [],
  'sequence:get': [{ path: ['name'], bad: badSequenceName }],
  'sequence:save': [
    { path: ['name'], bad: badSequenceName },
    { path: ['revision'], bad: badRevision.filter((v) => v !== undefined) },
    { path: ['title'], bad: fc.oneof(notString, fc.constant('x'.repeat(201))) },
    ...sequenceClip,
  ],
  'sequence:delete': [
    { path: ['name'], bad: badSequenceName },
    { path: ['revision'], bad: badRevision },
  ],
  'sequence:plan': [{ path: ['name'], bad: badSequenceName }],
  'sequence:export': [
    { path: ['exportId'], bad: badExportId },
    { path: ['fileName'], bad: badExportFile },
  ],
  'sequence:cancel': [{ path: ['exportId'], bad: badExportId }],
  'sequence:writeChunk': [
    { path: ['exportId'], bad: badExportId },
    { path: ['position'], bad: fc.oneof(badInt(0, 8 * 1024 ** 3), missing) },
    { path: ['dataBase64'], bad: fc.oneof(badBase64, fc.constant('')) },
  ],
  'sequence:finish': [
    { path: ['exportId'], bad: badExportId },
    { path: ['fileName'], bad: badExportFile },
  ],
};

/** Objects inside each payload where an unknown key is also injected (the root always). */
export const EXTRA_KEY_PATHS: Partial<Record<Channel, readonly (readonly string[])[]>> = {
  'jobs:submit': [['request'], ['request', 'first_frame_image'], ['request', 'last_frame_image'], ['lineage']],
  'cost:estimate': [['request']],
  'sequence:save': [['clips', '0']],
  'batch:plan': [['source'], ['defaults']],
  'batch:queue': [['source'], ['defaults']],
};

/** A deep copy of `sample` with `value` at `path`, set as an own property (so `__proto__` is a key, not the prototype). */
export function setAt(sample: unknown, path: readonly string[], value: unknown): unknown {
  const root = structuredClone(sample) as Record<string, unknown>;
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1);
  if (last === undefined) return value;
  Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return root;
}
