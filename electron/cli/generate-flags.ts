import type { ParseArgsConfig } from 'node:util';
import {
  ASPECT_RATIOS,
  DURATIONS,
  IMAGE_MAX_BYTES,
  MODEL_ALIASES,
  MODELS,
  PERSON_POLICIES,
  REQUEST_DEFAULTS,
  RESIZE_MODES,
  RESOLUTIONS,
  SAMPLE_COUNT_MAX,
  SEED_MAX,
  type FrameRef,
  type RequestKey,
} from '../../shared/domain/generation.js';

/**
 * The command-line form of every `keyframe generate` option, in one table per
 * kind: the parser (generate-args.ts) and the help text are both read from it,
 * so a flag cannot be parsed without being documented or the other way round.
 * The request table is keyed by the request's settings: a new setting is a
 * compile error here until it has a flag (or is deliberately given none).
 */

export class UsageError extends Error {}

/** The parsed flags, by long name. */
export type FlagValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

interface Flag {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** What follows the flag in the help, e.g. `4|6|8`. */
  value?: string;
}

interface Option {
  /** The flags of this option, shown on one help line. */
  flags: readonly Flag[];
  /** The help line's description, after the flags. */
  help?: string;
  /** Left out of the help. */
  hidden?: true;
}

interface RequestOption extends Option {
  /** The raw setting for the request (the schema names any problem with it); undefined: not given. */
  read(flags: FlagValues, prompt: string): unknown;
}

/** A string option's value, if given. */
export const flagText = (flags: FlagValues, name: string): string | undefined => {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
};
/** Whether a boolean option was given. */
export const flagGiven = (flags: FlagValues, name: string): boolean => flags[name] === true;
const text = flagText;
const given = flagGiven;

/** Numbers stay numbers; anything else is passed through so the schema can name the problem. */
const num = (v: string | undefined): number | string | undefined => (v === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v);

function frame(v: string | undefined): FrameRef | undefined {
  if (v === undefined) return undefined;
  // Anything with a URL scheme (but not a Windows drive like C:\) is a URL, so `javascript:`
  // or `file:` is refused by the schema as a URL instead of being looked up as a file name.
  return /^[a-z][a-z0-9+.-]+:/i.test(v) ? { kind: 'url', url: v } : { kind: 'file', path: v };
}

const D = REQUEST_DEFAULTS;

/** Every setting of a request, in the order `keyframe help` lists them. */
export const REQUEST_OPTIONS = {
  model: {
    flags: [{ name: 'model', type: 'string', short: 'm', value: Object.keys(MODEL_ALIASES).join('|') }],
    help: MODELS.map((m) => (m === D.model ? `${m} (default)` : m)).join(' or '),
    read: (f) => {
      const m = text(f, 'model');
      return m ? (MODEL_ALIASES[m] ?? m) : undefined;
    },
  },
  duration: {
    flags: [{ name: 'duration', type: 'string', short: 'd', value: DURATIONS.join('|') }],
    help: `seconds (default ${D.duration})`,
    read: (f) => num(text(f, 'duration')),
  },
  aspect_ratio: {
    flags: [{ name: 'aspect', type: 'string', short: 'a', value: ASPECT_RATIOS.join('|') }],
    help: `(default ${D.aspect_ratio})`,
    read: (f) => text(f, 'aspect'),
  },
  resolution: {
    flags: [{ name: 'resolution', type: 'string', short: 'r', value: RESOLUTIONS.join('|') }],
    help: `(default ${D.resolution})`,
    read: (f) => {
      const r = text(f, 'resolution');
      return r === '4k' ? '4K' : r;
    },
  },
  seed: {
    flags: [{ name: 'seed', type: 'string', value: 'N|random' }],
    help: `0…${SEED_MAX}; random (the default) draws one, which the sidecar records`,
    // No seed at all: the job draws one when it is created, like every other way in (job-factory.ts).
    read: (f) => {
      const s = text(f, 'seed');
      return s === 'random' ? undefined : num(s);
    },
  },
  sample_count: {
    flags: [{ name: 'samples', type: 'string', short: 'n', value: `1-${SAMPLE_COUNT_MAX}` }],
    help: `number of videos (default ${D.sample_count})`,
    read: (f) => num(text(f, 'samples')),
  },
  generate_audio: {
    flags: [{ name: 'audio', type: 'boolean' }],
    help: 'generate an audio track',
    read: (f) => (given(f, 'audio') ? true : undefined),
  },
  negative_prompt: {
    flags: [{ name: 'negative', type: 'string', value: 'TEXT' }],
    help: 'what to avoid',
    read: (f) => text(f, 'negative'),
  },
  person_generation: {
    flags: [
      { name: 'person', type: 'string', value: PERSON_POLICIES.join('|') },
      { name: 'no-people', type: 'boolean' },
    ],
    read: (f) => {
      if (text(f, 'person') && given(f, 'no-people')) throw new UsageError('person: use either --person or --no-people, not both');
      return given(f, 'no-people') ? 'disallow' : text(f, 'person');
    },
  },
  first_frame_image: {
    flags: [{ name: 'first-frame', type: 'string', value: 'PATH|URL' }],
    help: `image-to-video start frame (JPEG/PNG/WebP/GIF, ≤ ${IMAGE_MAX_BYTES / 1024 / 1024} MB)`,
    read: (f) => frame(text(f, 'first-frame')),
  },
  last_frame_image: {
    flags: [{ name: 'last-frame', type: 'string', value: 'PATH|URL' }],
    help: 'end frame (needs --first-frame)',
    read: (f) => frame(text(f, 'last-frame')),
  },
  resize_mode: {
    flags: [{ name: 'resize', type: 'string', value: RESIZE_MODES.join('|') }],
    help: 'how a frame is fitted (image-to-video only)',
    read: (f) => text(f, 'resize'),
  },
  enhance_prompt: {
    flags: [{ name: 'enhance-prompt', type: 'boolean' }],
    help: 'ask for prompt enhancement (always on; never sent as false)',
    read: (f) => (given(f, 'enhance-prompt') ? true : undefined),
  },
  // The one positional argument (see the usage line), not a flag.
  prompt: { flags: [], hidden: true, read: (_f, prompt) => prompt },
} satisfies { [K in RequestKey]-?: RequestOption };

/** How the command runs, beside the request. */
export const RUN_OPTIONS = {
  out: { flags: [{ name: 'out', type: 'string', short: 'o', value: 'DIR' }], help: 'output folder (default $KEYFRAME_OUTPUT_DIR or ~/Videos/Keyframe)' },
  name: {
    flags: [{ name: 'name', type: 'string', value: 'TEMPLATE' }],
    help: 'file name, e.g. "{date}_{time}_{prompt}" ({model} {seed} {index} {id} {aspect} {res})',
  },
  demo: { flags: [{ name: 'demo', type: 'boolean' }], help: 'use the built-in demo provider: no key, no charge' },
  json: { flags: [{ name: 'json', type: 'boolean' }], help: 'one JSON object per event on stdout' },
  dryRun: { flags: [{ name: 'dry-run', type: 'boolean' }], help: 'check and price the job (estimate, spending caps, balance); send nothing' },
  // Queue the job and return at once (for scripts and tests; not advertised).
  wait: { flags: [{ name: 'no-wait', type: 'boolean' }], hidden: true },
} satisfies Record<string, Option>;

const ALL_OPTIONS: readonly Option[] = [...Object.values(REQUEST_OPTIONS), ...Object.values(RUN_OPTIONS)];

/** parseArgs' option table, built from the two tables above. */
export const GENERATE_OPTIONS: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  ALL_OPTIONS.flatMap((o) => o.flags).map((f) => [f.name, { type: f.type, ...(f.short ? { short: f.short } : {}) }]),
);

const HELP_COLUMN = 32;
const usage = (f: Flag): string => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`;

/** The "generate options" lines of `keyframe help`. */
export const GENERATE_OPTIONS_HELP: string = ALL_OPTIONS.filter((o) => !o.hidden)
  .map((o) => {
    const flags = o.flags.map((f, i) => (i === 0 ? usage(f) : `--${f.name}`)).join(', ');
    return `  ${o.help === undefined ? flags : `${flags.padEnd(HELP_COLUMN)}${o.help}`}\n`;
  })
  .join('');
