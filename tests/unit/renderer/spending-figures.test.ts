import { describe, expect, it } from 'vitest';
import { capFraction, capRoom, formatRate, formatSignedUsd, formatUsd, shownDifference } from '../../../renderer/src/features/spending/money-format.js';
import { differenceSign, spendStatusKey } from '../../../renderer/src/features/spending/spend-job-text.js';
import { spendingMayHaveChanged } from '../../../renderer/src/features/spending/spend-refresh.js';
import { jobView } from './view-samples.js';

/** How the money views write figures, what a cap leaves, how a job's status reads, and when the figures are asked for again. */

describe('dollar figures', () => {
  it.each([
    [0, '$0.00'],
    [0.512, '$0.51'],
    [1.28, '$1.28'],
    [1234.5, '$1,234.50'],
    [1_000_000, '$1,000,000.00'],
    // Float noise around zero never prints a minus.
    [-0.000001, '$0.00'],
    [-0, '$0.00'],
  ])('%d → %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });

  it.each([
    [0.12, '+$0.12'],
    [-0.05, '\u2212$0.05'],
    [0, '$0.00'],
    [0.004, '$0.00'],
    [-0.004, '$0.00'],
    [1234.5, '+$1,234.50'],
  ])('a difference of %d reads %s', (usd, text) => {
    expect(formatSignedUsd(usd)).toBe(text);
  });

  it('writes a difference in the cents of the two figures beside it, so the row adds up by eye', () => {
    // $0.49 charged against $0.51 estimated reads −$0.02, though the exact −$0.0256 would round to −$0.03.
    expect(formatUsd(0.4864)).toBe('$0.49');
    expect(formatUsd(0.512)).toBe('$0.51');
    expect(formatSignedUsd(shownDifference(0.4864, 0.512))).toBe('\u2212$0.02');
    expect(formatSignedUsd(shownDifference(1.344, 1.28))).toBe('+$0.06');
    expect(formatSignedUsd(shownDifference(0.512, 0.512))).toBe('$0.00');
  });

  it.each([
    [0.064, '0.064'],
    [0.08, '0.08'],
    [0.096, '0.096'],
    [0.16, '0.16'],
    [0.2, '0.20'],
    [0.48, '0.48'],
  ])('a rate of %d per second reads %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});

describe('the room under a cap', () => {
  it('is what is left below the cap, nothing at the cap, and how far past it above', () => {
    expect(capRoom(1, 0.512)).toEqual({ kind: 'left', usd: 0.488 });
    expect(capRoom(1.28, 1.28)).toEqual({ kind: 'left', usd: 0 });
    expect(capRoom(1, 1.28).kind).toBe('over');
    expect(capRoom(1, 1.28).usd).toBeCloseTo(0.28, 9);
  });

  it('treats float noise at the cap as at the cap, not over it', () => {
    // 0.1 + 0.2 is 0.30000000000000004.
    expect(capRoom(0.3, 0.1 + 0.2).kind).toBe('left');
  });

  it('fills 0–1, and a zero cap is full at once (every live job waits)', () => {
    expect(capFraction(2, 0.5)).toBe(0.25);
    expect(capFraction(1, 3)).toBe(1);
    expect(capFraction(0, 0)).toBe(1);
  });
});

describe('a spending row’s status', () => {
  it('names why a job was not charged or is still waiting, when the queue knows the job', () => {
    expect(spendStatusKey({ status: 'charged' }, undefined)).toBe('spending.status.charged');
    expect(spendStatusKey({ status: 'estimated' }, jobView({ state: 'generating' }))).toBe('spending.status.estimated');
    expect(spendStatusKey({ status: 'not_charged' }, jobView({ state: 'failed' }))).toBe('spending.status.failed');
    expect(spendStatusKey({ status: 'not_charged' }, jobView({ state: 'stopped' }))).toBe('spending.status.stopped');
    expect(spendStatusKey({ status: 'not_charged' }, undefined)).toBe('spending.status.notCharged');
    expect(spendStatusKey({ status: 'waiting' }, jobView({ state: 'needs_approval' }))).toBe('spending.status.approval');
    expect(spendStatusKey({ status: 'waiting' }, jobView({ state: 'queued' }))).toBe('spending.status.waiting');
  });

  it('says which way the bill went, even within half a cent', () => {
    expect(differenceSign(0.02)).toBe('more');
    expect(differenceSign(-0.02)).toBe('less');
    expect(differenceSign(0.004)).toBe('even');
    expect(differenceSign(0)).toBe('even');
  });
});

describe('when the money views ask main again', () => {
  const a = jobView({ id: 'a', state: 'generating', progress: 10 });
  const b = jobView({ id: 'b', state: 'queued' });

  it('not for a progress tick', () => {
    expect(spendingMayHaveChanged({ a, b }, { a: { ...a, progress: 40 }, b })).toBe(false);
    expect(spendingMayHaveChanged({ a, b }, { a, b })).toBe(false);
  });

  it('for a new state, a charge, a new estimate, a job added or a job gone', () => {
    expect(spendingMayHaveChanged({ a, b }, { a: { ...a, state: 'downloading' }, b })).toBe(true);
    expect(spendingMayHaveChanged({ a, b }, { a: { ...a, costUsd: 0.51 }, b })).toBe(true);
    expect(spendingMayHaveChanged({ a, b }, { a, b: { ...b, estimateUsd: 1.28 } })).toBe(true);
    expect(spendingMayHaveChanged({ a }, { a, b })).toBe(true);
    expect(spendingMayHaveChanged({ a, b }, { a })).toBe(true);
  });
});
