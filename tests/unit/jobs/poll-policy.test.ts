import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIRST_POLL_MS,
  MAX_POLL_MS,
  MIN_POLL_MS,
  PARKED_POLL_MS,
  PARK_AFTER_MS,
  POLL_JITTER,
  RATE_LIMIT_BACKOFF,
  TRANSIENT_BACKOFF,
  backoffMs,
  firstPollDelayMs,
  nextPollDelayMs,
  pollFloorMs,
  shouldPark,
} from '../../../electron/core/jobs/poll-policy.js';

const MID = () => 0.5;
const LOW = () => 0;
const HIGH = () => 0.999;
const MIN = 60_000;

describe('poll policy: constants', () => {
  it('matches the contract and the design', () => {
    expect(MIN_POLL_MS).toBe(2000);
    expect(FIRST_POLL_MS).toBe(2000);
    expect(MAX_POLL_MS).toBe(30_000);
    expect(PARKED_POLL_MS).toBe(5 * MIN);
    expect(PARK_AFTER_MS).toBe(30 * MIN);
    expect(POLL_JITTER).toBe(0.25);
  });
});

describe('nextPollDelayMs', () => {
  it('the first delay is exactly 2 s without jitter, and jitter only adds to it', () => {
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, random: LOW })).toBe(2000);
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, random: MID })).toBe(2250);
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, random: HIGH })).toBe(Math.round(2000 * (1 + 0.25 * 0.999)));
  });

  it('grows 1.25× per poll without jitter', () => {
    expect(nextPollDelayMs({ polls: 1, elapsedMs: 2000, random: LOW })).toBe(2500);
    expect(nextPollDelayMs({ polls: 2, elapsedMs: 4500, random: LOW })).toBe(3125);
    expect(nextPollDelayMs({ polls: 5, elapsedMs: 20_000, random: LOW })).toBe(Math.round(2000 * 1.25 ** 5));
  });

  it('never shrinks from one poll to the next and reaches the 30 s cap', () => {
    let previous = 0;
    let elapsed = 0;
    for (let polls = 0; polls < 40; polls++) {
      const d = nextPollDelayMs({ polls, elapsedMs: elapsed, estimatedTimeS: 3600, random: LOW });
      expect(d).toBeGreaterThanOrEqual(previous);
      expect(d).toBeLessThanOrEqual(MAX_POLL_MS);
      previous = d;
      elapsed += d;
    }
    expect(previous).toBe(MAX_POLL_MS);
  });

  it('is capped at 30 s plus at most 25 % jitter, however many polls', () => {
    for (const polls of [13, 50, 1000, 10_000]) {
      expect(nextPollDelayMs({ polls, elapsedMs: 60_000, random: LOW })).toBe(30_000);
      expect(nextPollDelayMs({ polls, elapsedMs: 60_000, random: MID })).toBe(33_750);
      expect(nextPollDelayMs({ polls, elapsedMs: 60_000, random: HIGH })).toBe(Math.round(30_000 * (1 + 0.25 * 0.999)));
    }
  });

  it('jitter stays within [1, 1.25) of the base delay: it never shortens one', () => {
    for (let r = 0; r < 1; r += 0.01) {
      const d = nextPollDelayMs({ polls: 3, elapsedMs: 10_000, random: () => r });
      const base = 2000 * 1.25 ** 3;
      expect(d).toBeGreaterThanOrEqual(Math.round(base));
      expect(d).toBeLessThan(Math.ceil(base * 1.25));
    }
  });

  it('a random source outside [0, 1) cannot shorten a delay either', () => {
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, random: () => -3 })).toBe(2000);
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, random: () => 7 })).toBe(2500);
  });

  it('for many random draws, the spacing is never below the provider’s hint nor below 2 s', () => {
    fc.assert(
      fc.property(
        fc.nat(200),
        fc.nat(4 * 3600_000),
        fc.option(fc.integer({ min: 1, max: 3600 }), { nil: undefined }),
        fc.option(fc.double({ min: 0.001, max: 900, noNaN: true }), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (polls, elapsedMs, estimatedTimeS, hintS, draw) => {
          const d = nextPollDelayMs({ polls, elapsedMs, estimatedTimeS, hintS, random: () => draw });
          expect(d).toBeGreaterThanOrEqual(MIN_POLL_MS);
          if (hintS !== undefined) expect(d).toBeGreaterThanOrEqual(hintS * 1000);
        },
      ),
      { numRuns: 5000, seed: 20260727 },
    );
  });

  it('a hint longer than the grown delay sets the delay; a shorter one changes nothing', () => {
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, hintS: 5, random: LOW })).toBe(5000);
    expect(nextPollDelayMs({ polls: 0, elapsedMs: 0, hintS: 5, random: MID })).toBe(5625);
    expect(nextPollDelayMs({ polls: 10, elapsedMs: 60_000, hintS: 5, random: LOW })).toBe(Math.round(2000 * 1.25 ** 10));
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 31 * MIN, hintS: 600, random: LOW })).toBe(10 * MIN);
  });

  /** Fake-time walk without jitter: when is a job that finishes at `doneMs` first seen done, and after how many polls? */
  const walk = (doneMs: number) => {
    let elapsed = 0;
    let polls = 0;
    while (elapsed < doneMs) elapsed += nextPollDelayMs({ polls: polls++, elapsedMs: elapsed, random: LOW });
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
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 30 * MIN, random: LOW })).toBe(30_000);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 30 * MIN + 1, random: LOW })).toBe(PARKED_POLL_MS);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 30 * MIN + 1, estimatedTimeS: 600, random: MID })).toBe(Math.round(5 * MIN * 1.125));
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 30 * MIN + 1, estimatedTimeS: 600, random: HIGH })).toBe(Math.round(5 * MIN * (1 + 0.25 * 0.999)));
  });

  it('parks only after 3× a long estimate', () => {
    const est = 1200; // 20 min → park after 60 min
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 45 * MIN, estimatedTimeS: est, random: LOW })).toBe(30_000);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 60 * MIN, estimatedTimeS: est, random: LOW })).toBe(30_000);
    expect(nextPollDelayMs({ polls: 80, elapsedMs: 60 * MIN + 1, estimatedTimeS: est, random: LOW })).toBe(PARKED_POLL_MS);
  });
});

describe('pollFloorMs and firstPollDelayMs', () => {
  it('the floor is the contract’s 2 s, or the provider’s longer hint rounded up to the millisecond', () => {
    expect(pollFloorMs(undefined)).toBe(2000);
    expect(pollFloorMs(1)).toBe(2000);
    expect(pollFloorMs(2)).toBe(2000);
    expect(pollFloorMs(2.0004)).toBe(2001);
    expect(pollFloorMs(7)).toBe(7000);
  });

  it('a hint that is no wait at all (0, negative, not finite) leaves the 2 s minimum', () => {
    for (const hint of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(pollFloorMs(hint)).toBe(2000);
  });

  it('the first query after a submit waits 2 s, or the submit reply’s longer hint', () => {
    expect(firstPollDelayMs(undefined)).toBe(2000);
    expect(firstPollDelayMs(1)).toBe(2000);
    expect(firstPollDelayMs(9)).toBe(9000);
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
