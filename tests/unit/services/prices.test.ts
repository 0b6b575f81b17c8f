import { describe, expect, it } from 'vitest';
import { PRICE_PER_SECOND_USD, estimateCost, type CostRequest } from '../../../shared/domain/prices.js';

const req = (patch: Partial<CostRequest> = {}): CostRequest => ({
  model: 'veo3.1-fast-official',
  resolution: '720p',
  duration: 8,
  sample_count: 1,
  generate_audio: false,
  ...patch,
});

describe('estimateCost', () => {
  it('prices fast per second, with and without audio, as observed (8 s with audio cost 0.64 USD)', () => {
    expect(estimateCost(req())).toEqual({ usd: 0.512, perSecondUsd: 0.064, isEstimate: true });
    expect(estimateCost(req({ generate_audio: true }))).toEqual({ usd: 0.64, perSecondUsd: 0.08, isEstimate: true });
    expect(estimateCost(req({ resolution: '1080p', duration: 4 })).usd).toBe(0.256);
  });

  it('scales with seconds × sample_count, without float noise', () => {
    expect(estimateCost(req({ sample_count: 3 })).usd).toBe(1.536);
    expect(estimateCost(req({ model: 'veo3.1-quality-official', duration: 6, sample_count: 4, generate_audio: true })).usd).toBe(7.68);
  });

  it('says the 4K price is unknown instead of guessing', () => {
    const e = estimateCost(req({ resolution: '4K' }));
    expect(e.usd).toBeUndefined();
    expect(e.perSecondUsd).toBeUndefined();
    expect(e).toMatchObject({ isEstimate: true, unknownReason: expect.stringMatching(/4K/) });
  });

  it('has a rate for every model', () => {
    for (const rate of Object.values(PRICE_PER_SECOND_USD)) expect(rate.audio).toBeGreaterThanOrEqual(rate.silent);
  });
});
