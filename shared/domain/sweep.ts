import { z } from 'zod';
import { AspectRatioSchema, DurationSchema, MODELS, ModelSchema, ResolutionSchema, SEED_MAX } from './generation.js';

/**
 * A sweep: the same shot tried with several seeds and/or over a small grid of
 * settings (model × duration, say). It expands into batch rows
 * (electron/core/batch/sweep.ts); every other setting comes from the batch's
 * defaults, and every row is a take of one shot.
 */

export const SWEEP_SEEDS_MAX = 50;

const seed = z.number().int().min(0).max(SEED_MAX);
const axis = <T extends z.ZodType>(value: T, max: number) => z.array(value).min(1).max(max).optional();

export const SweepSeedsSchema = z.union([
  /** Draw this many different seeds. */
  z.strictObject({ count: z.number().int().min(1).max(SWEEP_SEEDS_MAX) }),
  /** Exactly these seeds. */
  z.strictObject({ list: z.array(seed).min(1).max(SWEEP_SEEDS_MAX) }),
]);

export const SweepGridSchema = z.strictObject({
  model: axis(ModelSchema, MODELS.length),
  duration: axis(DurationSchema, 3),
  aspect_ratio: axis(AspectRatioSchema, 2),
  resolution: axis(ResolutionSchema, 3),
  generate_audio: axis(z.boolean(), 2),
});
export type SweepGrid = z.infer<typeof SweepGridSchema>;

export const SweepSchema = z.strictObject({
  kind: z.literal('sweep'),
  seeds: SweepSeedsSchema.optional(),
  grid: SweepGridSchema.optional(),
});
export type Sweep = z.infer<typeof SweepSchema>;
