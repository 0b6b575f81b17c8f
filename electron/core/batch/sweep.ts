import { errorMessage } from '../../../shared/error-messages.js';
import { SEED_MAX } from '../../../shared/domain/generation.js';
import type { Sweep, SweepGrid } from '../../../shared/domain/sweep.js';
import type { RandomSource } from '../ports.js';
import { BATCH_ROWS_MAX, type ReadSource, type SourceRow } from './batch-source.js';

/**
 * A sweep expanded into batch rows: every combination of the grid's values,
 * each with every seed. Pure: seeds are drawn from the injected random
 * source, so a test (or a dry run shown twice) can fix them.
 */

/** The grid's settings in the order rows vary them (the last varies fastest, before the seed). */
const AXES = ['model', 'duration', 'aspect_ratio', 'resolution', 'generate_audio'] as const satisfies readonly (keyof SweepGrid)[];

type Combination = Record<string, unknown>;

export function expandSweep(sweep: Sweep, random: RandomSource): ReadSource {
  let combinations: Combination[] = [{}];
  for (const axis of AXES) {
    const values = unique<unknown>(sweep.grid?.[axis] ?? []);
    if (values.length === 0) continue;
    combinations = combinations.flatMap((c) => values.map((v) => ({ ...c, [axis]: v })));
  }
  const seeds = sweep.seeds === undefined ? [undefined] : 'list' in sweep.seeds ? unique(sweep.seeds.list) : drawSeeds(sweep.seeds.count, random);
  const varied = sweep.seeds !== undefined || combinations.some((c) => Object.keys(c).length > 0);
  if (!varied) return { rows: [], problems: [errorMessage('batch.sweep_empty')] };
  const count = combinations.length * seeds.length;
  if (count > BATCH_ROWS_MAX) return { rows: [], problems: [errorMessage('batch.sweep_too_large', { count, max: BATCH_ROWS_MAX })] };
  const rows: SourceRow[] = [];
  for (const combination of combinations) {
    for (const seed of seeds) {
      const fields = seed === undefined ? { ...combination } : { ...combination, seed };
      rows.push({ row: rows.length + 1, fields, label: labelOf(fields), problems: [] });
    }
  }
  return { rows, problems: [] };
}

/** `count` different seeds in 0…SEED_MAX. */
export function drawSeeds(count: number, random: RandomSource): number[] {
  const seeds = new Set<number>();
  // A random source that keeps repeating itself cannot hang the planner: after this many draws, stop.
  for (let draws = 0; seeds.size < count && draws < count * 100; draws++) seeds.add(Math.min(SEED_MAX, Math.floor(random() * (SEED_MAX + 1))));
  return [...seeds];
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** What sets a row apart from the others, in the settings' own names and values (shown beside its takes). */
function labelOf(fields: Combination): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(' · ');
}
