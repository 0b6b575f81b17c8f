import { describe, expect, it } from 'vitest';
import { taskPhase, type TaskPhase } from '../../../electron/core/apimart/task-status.js';

describe('taskPhase', () => {
  // Documented statuses, then the synonyms other clients have seen (contract §2).
  const table: [string, TaskPhase][] = [
    ['submitted', 'pending'],
    ['pending', 'pending'],
    ['processing', 'running'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['cancelled', 'cancelled'],
    ['queued', 'pending'],
    ['in_progress', 'running'],
    ['running', 'running'],
    ['success', 'completed'],
    ['succeeded', 'completed'],
    ['failure', 'failed'],
    ['canceled', 'cancelled'],
  ];

  it.each(table)('%s → %s', (status, phase) => expect(taskPhase(status)).toBe(phase));

  it.each(table)('is case- and whitespace-insensitive for %s', (status, phase) => {
    expect(taskPhase(status.toUpperCase())).toBe(phase);
    expect(taskPhase(` ${status[0]?.toUpperCase()}${status.slice(1)}\t`)).toBe(phase);
  });

  it.each(['warming_up', 'retrying', 'FAILED_PERMANENTLY', 'complete?', 'done', '', '   ', 'constructor', '__proto__', 'toString'])(
    'unknown status %j → running (never failed or completed)',
    (status) => expect(taskPhase(status)).toBe('running'),
  );

  it('undefined → running', () => expect(taskPhase(undefined)).toBe('running'));
});
