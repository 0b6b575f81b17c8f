import { describe, expect, it } from 'vitest';
import {
  ACTIVE_STATES,
  JOB_STATES,
  NEEDS_ATTENTION_STATES,
  STARTED_STATES,
  TERMINAL_STATES,
  isActive,
  isStarted,
  isTerminal,
  needsAttention,
} from '../../../shared/domain/job.js';

describe('job state sets (shared/domain/job.ts)', () => {
  it('every state is exactly one of active, needing attention or terminal', () => {
    for (const state of JOB_STATES) {
      const homes = [ACTIVE_STATES, NEEDS_ATTENTION_STATES, TERMINAL_STATES].filter((set) => set.includes(state));
      expect(homes, state).toHaveLength(1);
    }
    expect(ACTIVE_STATES.length + NEEDS_ATTENTION_STATES.length + TERMINAL_STATES.length).toBe(JOB_STATES.length);
  });

  it('started means active and past queued', () => {
    expect([...ACTIVE_STATES].sort()).toEqual(['queued', ...STARTED_STATES].sort());
    expect(STARTED_STATES).not.toContain('queued');
  });

  it('the helpers answer from the sets', () => {
    for (const state of JOB_STATES) {
      expect(isActive(state), state).toBe(ACTIVE_STATES.includes(state));
      expect(isStarted(state), state).toBe(STARTED_STATES.includes(state));
      expect(needsAttention(state), state).toBe(NEEDS_ATTENTION_STATES.includes(state));
      expect(isTerminal(state), state).toBe(TERMINAL_STATES.includes(state));
    }
    expect(JOB_STATES.filter(isActive)).toEqual(['queued', 'uploading', 'submitting', 'generating', 'downloading']);
    expect(JOB_STATES.filter(isTerminal)).toEqual(['done', 'failed', 'expired', 'stopped']);
  });
});
