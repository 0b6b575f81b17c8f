import type { z } from 'zod';
import { SEED_MAX, type AspectRatio, type Duration, type Model, type Resolution } from '../../../../shared/domain/generation-options.js';
import { SweepSchema, type Sweep } from '../../../../shared/domain/sweep.js';
import { issueMessage, type IssueMessage } from '../../../../shared/issue-message.js';
import type { BatchDefaultsSchema, BatchSourceSchema } from '../../../../shared/ipc/contract.js';
import { BATCH_TEXT_MAX } from '../../../../shared/ipc/request-schemas.js';
import type { OpOutput } from '../../../../shared/ipc/channels.js';
import type { Draft } from '../compose/draft';
import { toRequestInput } from '../compose/request';

/**
 * The batch dialog's form, and what it asks main to plan: a pasted or
 * imported list (sent as text; main reads CSV and JSON Lines, never the
 * page), or a sweep over the draft's prompt. Every row's defaults are the
 * current draft's settings. Pure, so the mapping is tested without a page.
 */

export type BatchMode = 'list' | 'sweep';
export type ListKind = 'text' | 'csv' | 'jsonl';
export type SeedMode = 'draft' | 'count' | 'list';

/** The settings a sweep's grid may vary; an empty list keeps the draft's value. */
export interface GridForm {
  model: Model[];
  duration: Duration[];
  aspect_ratio: AspectRatio[];
  resolution: Resolution[];
}

export interface BatchForm {
  mode: BatchMode;
  kind: ListKind;
  text: string;
  /** The file the text came from, when it was imported. */
  fileName?: string | undefined;
  seedMode: SeedMode;
  seedCount: number;
  /** Seeds as typed: numbers separated by commas or spaces. */
  seedList: string;
  grid: GridForm;
  name: string;
}

export function emptyForm(): BatchForm {
  return { mode: 'list', kind: 'text', text: '', seedMode: 'draft', seedCount: 4, seedList: '', grid: { model: [], duration: [], aspect_ratio: [], resolution: [] }, name: '' };
}

export type BatchSource = z.input<typeof BatchSourceSchema>;
export type BatchDefaults = z.input<typeof BatchDefaultsSchema>;
export type BatchPlanView = OpOutput<'batch', 'plan'>;

export interface PlanInput {
  source: BatchSource;
  defaults: BatchDefaults;
}

/** What stops the page from asking for a plan, in the page's words (a catalog message, or a text of its own). */
export type LocalProblem =
  | { kind: 'not_seed'; text: string }
  | { kind: 'too_large'; size: number }
  | { kind: 'schema'; issue: IssueMessage };

export type PlanRequest =
  /** Nothing to plan yet (no text, no seeds, nothing ticked): no problem is shown either. */
  | { state: 'idle' }
  | { state: 'problem'; problem: LocalProblem }
  | { state: 'ready'; input: PlanInput };

/** A file's kind from its name: .csv and .jsonl (or .ndjson) by extension, anything else a list of prompts. */
export function kindOfFile(name: string): ListKind {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return 'text';
}

/**
 * The draft's settings as every row's defaults. A text list brings a prompt
 * on every line, so the draft's prompt is left out (it may even be too long,
 * which is no concern of the batch); a CSV or JSON Lines row without a prompt
 * column, and every sweep row, takes the draft's.
 */
export function draftDefaults(draft: Draft, withPrompt: boolean): BatchDefaults {
  const { prompt, ...settings } = toRequestInput(draft);
  return withPrompt && prompt.trim() !== '' ? { ...settings, prompt } : settings;
}

/** `"1, 42 1234"` → [1, 42, 1234]; the first word that is no seed is the problem. */
export function parseSeedList(text: string): { seeds: number[] } | { notSeed: string } {
  const seeds: number[] = [];
  for (const word of text.split(/[\s,;]+/).filter((w) => w !== '')) {
    if (!/^\d{1,10}$/.test(word) || Number(word) > SEED_MAX) return { notSeed: word };
    seeds.push(Number(word));
  }
  return { seeds };
}

/** What to ask `batch:plan` for the form, with the draft's settings as defaults. */
export function planRequest(form: BatchForm, draft: Draft): PlanRequest {
  if (form.mode === 'list') {
    if (form.text.trim() === '') return { state: 'idle' };
    if (form.text.length > BATCH_TEXT_MAX) return { state: 'problem', problem: { kind: 'too_large', size: form.text.length } };
    return { state: 'ready', input: { source: { kind: form.kind, text: form.text }, defaults: draftDefaults(draft, form.kind !== 'text') } };
  }
  const sweep = sweepOf(form);
  if ('problem' in sweep) return { state: 'problem', problem: sweep.problem };
  if (sweep.seeds === undefined && sweep.grid === undefined) return { state: 'idle' };
  const checked = SweepSchema.safeParse(sweep);
  const [issue] = checked.success ? [] : checked.error.issues;
  if (issue) return { state: 'problem', problem: { kind: 'schema', issue: issueMessage(issue) } };
  return { state: 'ready', input: { source: sweep, defaults: draftDefaults(draft, true) } };
}

function sweepOf(form: BatchForm): Sweep | { problem: LocalProblem } {
  let seeds: Sweep['seeds'];
  if (form.seedMode === 'count') seeds = { count: form.seedCount };
  if (form.seedMode === 'list') {
    const parsed = parseSeedList(form.seedList);
    if ('notSeed' in parsed) return { problem: { kind: 'not_seed', text: parsed.notSeed } };
    if (parsed.seeds.length > 0) seeds = { list: parsed.seeds };
  }
  const grid = Object.fromEntries(Object.entries(form.grid).filter(([, values]) => (values as unknown[]).length > 0));
  return {
    kind: 'sweep',
    ...(seeds ? { seeds } : {}),
    ...(Object.keys(grid).length > 0 ? { grid: grid as Sweep['grid'] } : {}),
  };
}

/**
 * What `batch:queue` is sent for a planned input. Main draws a sweep's seeds
 * anew on every call, so the seeds the dry run showed are sent as a list:
 * what was checked and priced is what is queued.
 */
export function queueInput(input: PlanInput, plan: BatchPlanView): PlanInput {
  const { source } = input;
  if (source.kind !== 'sweep' || source.seeds === undefined || !('count' in source.seeds)) return input;
  const shown = [...new Set(plan.rows.flatMap((r) => (r.request?.seed === undefined ? [] : [r.request.seed])))];
  return shown.length === 0 ? input : { ...input, source: { ...source, seeds: { list: shown } } };
}

/** The same input gives the same key: a plan is only queued while it still describes the form. */
export const inputKey = (input: PlanInput): string => JSON.stringify(input);
