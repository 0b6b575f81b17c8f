import { parseArgs } from 'node:util';
import { MODELS, type GenerationRequestInput, type FrameRef } from '../../shared/domain/generation.js';

export class UsageError extends Error {}

export interface GenerateArgs {
  request: GenerationRequestInput;
  outDir?: string;
  nameTemplate?: string;
  demo: boolean;
  json: boolean;
  wait: boolean;
}

const MODEL_ALIASES: Record<string, string> = { fast: MODELS[0], quality: MODELS[1] };

/** Numbers stay numbers; anything else is passed through so the schema can name the problem. */
const num = (v: string | undefined): number | string | undefined => (v === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v);

function frame(v: string | undefined): FrameRef | undefined {
  if (v === undefined) return undefined;
  // Anything with a URL scheme (but not a Windows drive like C:\) is a URL, so `javascript:`
  // or `file:` is refused by the schema as a URL instead of being looked up as a file name.
  return /^[a-z][a-z0-9+.-]+:/i.test(v) ? { kind: 'url', url: v } : { kind: 'file', path: v };
}

export const GENERATE_OPTIONS = {
  model: { type: 'string', short: 'm' },
  negative: { type: 'string' },
  duration: { type: 'string', short: 'd' },
  aspect: { type: 'string', short: 'a' },
  resolution: { type: 'string', short: 'r' },
  seed: { type: 'string' },
  samples: { type: 'string', short: 'n' },
  audio: { type: 'boolean' },
  person: { type: 'string' },
  'no-people': { type: 'boolean' },
  resize: { type: 'string' },
  'enhance-prompt': { type: 'boolean' },
  'first-frame': { type: 'string' },
  'last-frame': { type: 'string' },
  out: { type: 'string', short: 'o' },
  name: { type: 'string' },
  demo: { type: 'boolean' },
  json: { type: 'boolean' },
  'no-wait': { type: 'boolean' },
} as const;

export function parseGenerateArgs(argv: string[]): GenerateArgs {
  if (argv.some((a) => /^--(api-?key|key)(=|$)/i.test(a))) {
    throw new UsageError('the API key is never taken on the command line (it would land in shell history): set APIMART_API_KEY instead');
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: GENERATE_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const { values: v, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('prompt: missing. Usage: keyframe generate "a prompt" [options]');
  if (positionals.length > 1) throw new UsageError('prompt: give the prompt as one quoted argument');
  if (v.person && v['no-people']) throw new UsageError('person: use either --person or --no-people, not both');
  const model = v.model ? (MODEL_ALIASES[v.model] ?? v.model) : undefined;
  const request: Record<string, unknown> = {
    prompt: positionals[0],
    model,
    negative_prompt: v.negative,
    duration: num(v.duration),
    aspect_ratio: v.aspect,
    resolution: v.resolution === '4k' ? '4K' : v.resolution,
    seed: v.seed === 'random' ? Math.floor(Math.random() * 4_294_967_296) : num(v.seed),
    sample_count: num(v.samples),
    generate_audio: v.audio,
    person_generation: v['no-people'] ? 'disallow' : v.person,
    resize_mode: v.resize,
    enhance_prompt: v['enhance-prompt'] ? true : undefined,
    first_frame_image: frame(v['first-frame']),
    last_frame_image: frame(v['last-frame']),
  };
  for (const k of Object.keys(request)) if (request[k] === undefined) delete request[k];
  return {
    request: request as GenerationRequestInput,
    ...(v.out ? { outDir: v.out } : {}),
    ...(v.name ? { nameTemplate: v.name } : {}),
    demo: v.demo ?? false,
    json: v.json ?? false,
    wait: !(v['no-wait'] ?? false),
  };
}
