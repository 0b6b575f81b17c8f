import { describe, expect, it } from 'vitest';
import {
  FIRST_POLL_MS,
  MAX_POLL_MS,
  PARKED_POLL_MS,
  PARK_AFTER_MS,
  RATE_LIMIT_BACKOFF,
  TRANSIENT_BACKOFF,
  backoffMs,
  nextPollDelayMs,
  shouldPark,
} from '../../../electron/core/jobs/poll-policy.js';

const MID = () => 0.5;
const LOW = () => 0;
const HIGH = () => 0.999;
const MIN = 60_000;

describe('poll policy: constants', () => {
  it('matches the contract and the design', () => {
    expect(FIRST_POLL_MS).toBe(2000);
    expect(MAX_POLL_MS).toBe(30_000);
    expect(PARKED_POLL_MS).toBe(5 * MIN);
    expect(PARK_AFTER_MS).toBe(30 * MIN);
  });
});

describe('nextPollDelayMs', () => {
  it('the first delay is exactly 2 s with a centred random source', () => {
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, random: MID })).toBe(2000);
  });

  it('grows 1.25× per poll without jitter', () => {
    expect(nextPollDelayMs({ polls: 1, elapsedMs: 2000, random: MID })).toBe(2500);
    expect(nextPollDelayMs({ polls: 2, elapsedMs: 4500, random: MID })).toBe(3125);
    expect(nextPollDelayMs({ polls: 5, elapsedMs: 20_000, random: MID })).toBe(Math.round(2000 * 1.25 ** 5));
  });

  it('never shrinks from one poll to the next and reaches the 30 s cap', () => {
    let previous = 0;
    let elapsed = 0;
    for (let polls = 0; polls < 40; polls++) {
      const d = nextPollDelayMs({ polls, elapsedMs: elapsed, estimatedTimeS: 3600, random: MID });
      expect(d).toBeGreaterThanOrEqual(previous);
      expect(d).toBeLessThanOrEqual(MAX_POLL_MS);
      previous = d;
      elapsed += d;
    }
    expect(previous).toBe(MAX_POLL_MS);
  });

  it('is capped at 30 s ± 20 % jitter, however many polls', () => {
    for (const polls of [13, 50, 1000, 10_000]) {
      expect(nextPollDelayMs({ polls, elapsedMs: 60_000, random: MID })).toBe(30_000);
      expect(nextPollDelayMs({ polls, elapsedMs: 60_000, random: LOW })).toBe(24_000);
      expect(nextPollDelayMs({ polls, elapsedMs: 60_000, random: HIGH })).toBe(Math.round(30_000 * (0.8 + 0.4 * 0.999)));
    }
  });

  it('jitter stays within [0.8, 1.2) of the base delay', () => {
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, random: LOW })).toBe(1600);
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, random: HIGH })).toBe(Math.round(2000 * 1.1996));
    for (let r = 0; r < 1; r += 0.01) {
      const d = nextPollDelayMs({ polls: 3, elapsedMs: 10_000, random: () => r });
      const base = 2000 * 1.25 ** 3;
      expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
      expect(d).toBeLessThan(Math.ceil(base * 1.2));
    }
  });

  /** Fake-time walk: when is a job that finishes at `doneMs` first seen done, and after how many polls? */
  const walk = (doneMs: number) => {
    let elapsed = 0;
    let polls = 0;
    while (elapsed < doneMs) elapsed += nextPollDelayMs({ polls: polls++, elapsedMs: elapsed, random: MID });
    return { lagMs: elapsed - doneMs, polls };
  };

  it('a 70 s job (a real 8 s 720p fast job) is seen done within one ~19 s interval, in about a dozen polls', () => {
    const { lagMs, polls } = walk(70_000);
    expect(lagMs).toBeLessThan(Math.round(2000 * 1.25 ** 10));
    expect(polls).toBeLessThanOrEqual(12);
  });

  it('a 10 min job costs about 30 requests, not 300', () => {
    const { lagMs, polls } = walk(600_000);
    expect(polls).toBeGreaterThanOrEqual(25);
    expect(polls).toBeLessThanOrEqual(35);
    expect(lagMs).toBeLessThanOrEqual(MAX_POLL_MS);
  });

  it('parks after 30 min (no estimate or a short one): checks every ~5 min', () => {
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 30 * MIN, random: MID })).toBe(30_000);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 30 * MIN + 1, random: MID })).toBe(PARKED_POLL_MS);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 30 * MIN + 1, estimatedTimeS: 600, random: LOW })).toBe(4 * MIN);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 30 * MIN + 1, estimatedTimeS: 600, random: HIGH })).toBe(Math.round(5 * MIN * 1.1996));
  });

  it('parks only after 3× a long estimate', () => {
    const est = 1200; // 20 min → park after 60 min
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 45 * MIN, estimatedTimeS: est, random: MID })).toBe(30_000);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 60 * MIN, estimatedTimeS: est, random: MID })).toBe(30_000);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 60 * MIN + 1, estimatedTimeS: est, random: MID })).toBe(PARKED_POLL_MS);
  });
});

describe('shouldPark', () => {
  it('parks strictly after max(30 min, 3 × estimate)', () => {
    expect(shouldPark(30 * MIN, undefined)).toBe(false);
    expect(shouldPark(30 * MIN + 1, undefined)).toBe(true);
    expect(shouldPark(30 * MIN + 1, 600)).toBe(true); // 3 × 10 min = 30 min
    expect(shouldPark(30 * MIN + 1, 601)).toBe(false);
    expect(shouldPark(3 * 601_000 + 1, 601)).toBe(true);
    expect(shouldPark(0, 0)).toBe(false);
  });
});

describe('backoffMs', () => {
  it('the ceiling doubles per attempt from the base and stops at the cap', () => {
    const ceiling = (attempt: number) => backoffMs(attempt, () => 1 - Number.EPSILON);
    expect(ceiling(1)).toBe(1000);
    expect(ceiling(2)).toBe(2000);
    expect(ceiling(3)).toBe(4000);
    expect(ceiling(9)).toBe(256_000);
    expect(ceiling(10)).toBe(TRANSIENT_BACKOFF.capMs);
    expect(ceiling(11)).toBe(300_000);
    expect(ceiling(5000)).toBe(300_000);
  });

  it('equal jitter: between half the ceiling and the ceiling', () => {
    for (const attempt of [1, 2, 5, 10, 30]) {
      const ceil = Math.min(TRANSIENT_BACKOFF.capMs, TRANSIENT_BACKOFF.baseMs * 2 ** (attempt - 1));
      expect(backoffMs(attempt, LOW)).toBe(ceil / 2);
      expect(backoffMs(attempt, MID)).toBe(Math.round(ceil * 0.75));
      expect(backoffMs(attempt, HIGH)).toBe(Math.round(ceil / 2 + (ceil / 2) * 0.999));
      expect(backoffMs(attempt, HIGH)).toBeLessThanOrEqual(ceil);
    }
  });

  it('attempt 0 or below counts as the first', () => {
    expect(backoffMs(0, LOW)).toBe(500);
    expect(backoffMs(-3, LOW)).toBe(500);
  });

  it('uses the rate-limit schedule when asked: 5 s base, 2 min cap', () => {
    expect(RATE_LIMIT_BACKOFF).toEqual({ baseMs: 5000, capMs: 120_000 });
    expect(backoffMs(1, LOW, RATE_LIMIT_BACKOFF)).toBe(2500);
    expect(backoffMs(2, LOW, RATE_LIMIT_BACKOFF)).toBe(5000);
    expect(backoffMs(20, HIGH, RATE_LIMIT_BACKOFF)).toBe(Math.round(60_000 + 60_000 * 0.999));
    expect(backoffMs(20, LOW, RATE_LIMIT_BACKOFF)).toBe(60_000);
  });
});
