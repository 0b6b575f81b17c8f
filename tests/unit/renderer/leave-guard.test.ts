import { afterEach, describe, expect, it, vi } from 'vitest';
import { objectToLeaving } from '../../../renderer/src/features/storyboard/leave-guard.js';
import { useStoryboard } from '../../../renderer/src/features/storyboard/storyboard-store.js';

/**
 * Leaving the page (closing the window, reloading) is objected to exactly when
 * the storyboard would lose something, as the unsaved-edits question decides it.
 */

// The store talks to main through the api module; nothing here calls it.
vi.mock('../../../renderer/src/api', () => ({ api: {} }));
vi.mock('../../../renderer/src/features/viewer/probe', () => ({ probeClip: async () => ({ fps: 24, frames: 48, start: 0 }) }));

const initial = useStoryboard.getState();
afterEach(() => useStoryboard.setState(initial, true));

function leave() {
  const event = { preventDefault: vi.fn(), returnValue: undefined as unknown };
  objectToLeaving(event);
  return event;
}

const clip = { ref: 0, id: 'v1', in: 0, out: 1 };

describe('leaving with unsaved storyboard edits', () => {
  it('objects when a named sequence has unsaved edits', () => {
    useStoryboard.setState({ name: 'Opening', dirty: true, clips: [] });
    const event = leave();
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(event.returnValue).toBe(true);
  });

  it('objects when clips were gathered before any sequence was named', () => {
    useStoryboard.setState({ name: undefined, dirty: true, clips: [clip] as never });
    expect(leave().preventDefault).toHaveBeenCalledOnce();
  });

  it('lets the page go when everything is saved, or nothing was gathered', () => {
    useStoryboard.setState({ name: 'Opening', dirty: false, clips: [clip] as never });
    expect(leave().preventDefault).not.toHaveBeenCalled();
    useStoryboard.setState({ name: undefined, dirty: true, clips: [] });
    const event = leave();
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(event.returnValue).toBeUndefined();
  });
});
