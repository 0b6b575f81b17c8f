import { EventEmitter } from 'node:events';
import type { MessageBoxSyncOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { askBeforeUnload } from '../../../electron/main/unload-prompt.js';

/**
 * When the page objects to being closed (unsaved sequence edits), main asks
 * the person instead of silently keeping the window open: closing goes ahead
 * only on "Close without saving"; Escape and the default keep the edits.
 */

function setup(answer: number, language: 'en' | 'ko' = 'en') {
  const contents = new EventEmitter();
  const asked: MessageBoxSyncOptions[] = [];
  const ask = vi.fn((o: MessageBoxSyncOptions) => (asked.push(o), answer));
  askBeforeUnload(contents as unknown as Pick<WebContents, 'on'>, ask, () => language);
  const unload = () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', event);
    return event;
  };
  return { unload, asked };
}

describe('asking before the window closes over unsaved edits', () => {
  it('closes when the person chooses to close without saving', () => {
    const { unload, asked } = setup(0);
    expect(unload().preventDefault).toHaveBeenCalledOnce();
    expect(asked[0]?.buttons).toEqual(['Close without saving', 'Keep editing']);
  });

  it('keeps the window (and the edits) on Keep editing, which is also the default and what Escape answers', () => {
    const { unload, asked } = setup(1);
    expect(unload().preventDefault).not.toHaveBeenCalled();
    expect(asked[0]?.defaultId).toBe(1);
    expect(asked[0]?.cancelId).toBe(1);
  });

  it('asks in the language the person chose', () => {
    const { unload, asked } = setup(1, 'ko');
    unload();
    expect(asked[0]?.buttons).toEqual(['저장하지 않고 닫기', '계속 편집']);
    expect(asked[0]?.message).toContain('Keyframe');
  });
});
