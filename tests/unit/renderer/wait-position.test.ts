import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/ipc/views.js';
import { ordinal, waitPosition } from '../../../renderer/src/features/queue/wait-position.js';
import { jobView } from './view-samples.js';

/** "Waiting · 2nd in line": where a queued job stands, oldest first. */

const jobs = (...list: JobView[]): Record<string, JobView> => Object.fromEntries(list.map((j) => [j.id, j]));

describe('waitPosition', () => {
  const running = jobView({ id: 'r', state: 'generating', createdAt: 1 });
  const a = jobView({ id: 'a', state: 'queued', createdAt: 10 });
  const b = jobView({ id: 'b', state: 'queued', createdAt: 20 });
  const c = jobView({ id: 'c', state: 'queued', createdAt: 20 });
  const all = jobs(running, a, b, c);

  it('counts only the waiting jobs ahead, oldest first, ties by id', () => {
    expect(waitPosition(all, 'a')).toBe(1);
    expect(waitPosition(all, 'b')).toBe(2);
    expect(waitPosition(all, 'c')).toBe(3);
  });

  it('is undefined for a job that is not waiting, or unknown', () => {
    expect(waitPosition(all, 'r')).toBeUndefined();
    expect(waitPosition(all, 'nope')).toBeUndefined();
  });
});

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [102, '102nd'],
  ])('%i → %s in English', (n, text) => expect(ordinal('en', n)).toBe(text));

  it('is the plain number in Korean (the sentence says 번째)', () => {
    expect(ordinal('ko', 3)).toBe('3');
  });
});
