import { parseArgs } from 'node:util';
import type { GenerationRequest, RequestKey } from '../../shared/domain/generation.js';
import { parseGenerationRequest } from '../core/jobs/job-factory.js';
import { flagGiven, flagText, GENERATE_OPTIONS, REQUEST_OPTIONS, UsageError, type FlagValues } from './generate-flags.js';

export { UsageError };

export interface GenerateArgs {
  /** Already checked against the request schema. */
  request: GenerationRequest;
  outDir?: string;
  nameTemplate?: string;
  demo: boolean;
  json: boolean;
  wait: boolean;
  /** Check and price only: nothing is queued or sent. */
  dryRun: boolean;
}

const REQUEST_KEYS = Object.keys(REQUEST_OPTIONS) as RequestKey[];

/**
 * `keyframe generate` arguments → a checked request and the run options.
 * Throws UsageError for a malformed command line, and the schema's
 * AppFailure (naming the field) for a request it refuses.
 */
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
  const { values, positionals } = parsed;
  const [prompt] = positionals;
  if (prompt === undefined) throw new UsageError('prompt: missing. Usage: keyframe generate "a prompt" [options]');
  if (positionals.length > 1) throw new UsageError('prompt: give the prompt as one quoted argument');
  const flags: FlagValues = values;
  const input: Partial<Record<RequestKey, unknown>> = {};
  for (const key of REQUEST_KEYS) {
    const value = REQUEST_OPTIONS[key].read(flags, prompt);
    if (value !== undefined) input[key] = value;
  }
  const outDir = flagText(flags, 'out');
  const nameTemplate = flagText(flags, 'name');
  return {
    request: parseGenerationRequest(input),
    ...(outDir ? { outDir } : {}),
    ...(nameTemplate ? { nameTemplate } : {}),
    demo: flagGiven(flags, 'demo'),
    json: flagGiven(flags, 'json'),
    wait: !flagGiven(flags, 'no-wait'),
    dryRun: flagGiven(flags, 'dry-run'),
  };
}
