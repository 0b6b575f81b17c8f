import { useEffect, useRef, useState } from 'react';
import type { GenerationRequest } from '../../../../shared/domain/generation.js';
import type { CostEstimate } from '../../../../shared/ipc/views.js';
import { api } from '../../api';

/** A burst of clicks through the options asks main once, after the last. */
const ESTIMATE_DELAY_MS = 150;

/**
 * `cost:estimate` takes a whole request (the submit's own schema), but no price depends on the
 * prompt: a fixed one is sent, so typing never asks main anything and an empty prompt still prices.
 */
const PRICING_PROMPT = 'estimate';

/** The settings a price depends on. */
export type PricedSettings = Pick<GenerationRequest, 'model' | 'resolution' | 'duration' | 'sample_count' | 'generate_audio'>;

/**
 * main's latest answer per combination of settings (a few hundred at most). Coming back to the
 * Studio, or back to settings priced before, shows a figure at once instead of "Pricing…";
 * main is asked again all the same, since the table it prices with may have been refreshed.
 */
const answered = new Map<string, CostEstimate>();

export interface CostEstimateState {
  /** The figure for these settings, or while they are being priced the last one known. */
  estimate: CostEstimate | undefined;
  /** main has not answered for these settings yet. */
  pending: boolean;
  /** The last question failed (no connection to main). */
  failed: boolean;
}

/** main's estimate (from the price table in use, bundled or fetched) for the settings that set the price. */
export function useCostEstimate(r: PricedSettings): CostEstimateState {
  const { model, resolution, duration, sample_count, generate_audio } = r;
  const key = `${model}|${resolution}|${duration}|${sample_count}|${generate_audio}`;
  const [last, setLast] = useState<{ key: string; estimate?: CostEstimate; failed: boolean } | undefined>();
  const mounted = useRef(false);

  useEffect(() => {
    let current = true;
    // The first question goes at once; later ones wait for the clicks to settle.
    const delay = mounted.current ? ESTIMATE_DELAY_MS : 0;
    mounted.current = true;
    const timer = setTimeout(() => {
      api.cost.estimate({ request: { prompt: PRICING_PROMPT, model, resolution, duration, sample_count, generate_audio } }).then(
        (estimate) => {
          answered.set(key, estimate);
          if (current) setLast({ key, estimate, failed: false });
        },
        () => current && setLast((s) => ({ key, ...(s?.estimate ? { estimate: s.estimate } : {}), failed: true })),
      );
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, model, resolution, duration, sample_count, generate_audio]);

  const known = answered.get(key);
  return {
    estimate: known ?? last?.estimate,
    pending: last?.key !== key,
    failed: last?.key === key && last.failed,
  };
}
