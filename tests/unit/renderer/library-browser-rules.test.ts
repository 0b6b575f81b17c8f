import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bulkFavoriteTarget, withTag } from '../../../renderer/src/features/library/bulk-actions.js';
import { cellBadges, modelKind, tagsText, takesText } from '../../../renderer/src/features/library/cell-badges.js';
import { downloadHref } from '../../../renderer/src/features/library/files-out.js';
import { frameFileName, frameTimeIn, isVideoFile } from '../../../renderer/src/features/library/video-file-frame.js';
import { MemoryStorage } from './support/memory-storage.js';
import { videoView } from './view-samples.js';

/**
 * The library browser's small pure rules: what a grid cell's badges say, what a bulk press does,
 * where a download link points, and which frame a dropped video gives.
 */

const api = vi.hoisted(() => ({ library: {} }));
vi.mock('../../../renderer/src/api', () => ({ api, connection: { kind: 'socket' } }));

describe('cell badges', () => {
  const base = videoView('v1', { model: 'veo3.1-quality-official', request: { ...videoView('x').request, duration: 6, aspect_ratio: '9:16', generate_audio: true } });

  it('length, aspect, model, sound, favourite and tags come from the record', () => {
    expect(cellBadges({ ...base, favorite: true, tags: ['hero', 'night', 'b-roll'] }, false)).toEqual({
      seconds: 6,
      aspect: '9:16',
      model: 'quality',
      audio: true,
      favorite: true,
      tags: { shown: ['hero'], more: 2 },
    });
    expect(tagsText({ shown: ['hero'], more: 2 })).toBe('hero +2');
    expect(tagsText({ shown: ['hero'], more: 0 })).toBe('hero');
    expect(tagsText({ shown: [], more: 0 })).toBe('');
    expect([modelKind('veo3.1-fast-official'), modelKind('veo3.1-quality-official'), modelKind('veo-2')]).toEqual(['fast', 'quality', 'other']);
  });

  it('a take of several says which it is ("#2 ×4"); a stack says how many it holds ("×4"); a lone take says nothing', () => {
    const take = { ...base, shotKey: 'job-a', take: 2, takes: 4 };
    expect(cellBadges(take, false).takes).toEqual({ take: 2, of: 4, stacked: false });
    expect(takesText({ take: 2, of: 4, stacked: false })).toBe('#2 ×4');
    expect(cellBadges(take, true).takes).toEqual({ take: undefined, of: 4, stacked: true });
    expect(takesText({ take: undefined, of: 4, stacked: true })).toBe('×4');
    expect(cellBadges({ ...base, take: 1, takes: 1 }, false).takes).toBeUndefined();
    expect(cellBadges({ ...base, take: 1, takes: undefined }, true).takes).toBeUndefined();
  });
});

describe('bulk actions', () => {
  it('favourite: all of them, unless all already are (then none)', () => {
    expect(bulkFavoriteTarget([{ favorite: true }, { favorite: false }])).toBe(true);
    expect(bulkFavoriteTarget([{ favorite: false }, { favorite: false }])).toBe(true);
    expect(bulkFavoriteTarget([{ favorite: true }, { favorite: true }])).toBe(false);
  });

  it('tag: added once, trimmed, never twice in another case', () => {
    expect(withTag(['a'], '  hero ')).toEqual(['a', 'hero']);
    expect(withTag(['Hero'], 'hero')).toBeUndefined();
    expect(withTag(['é'], 'e\u0301')).toBeUndefined();
    expect(withTag([], '   ')).toBeUndefined();
  });
});

describe('files out', () => {
  it('the download link is the media route with ?download=1, its media token kept', () => {
    expect(downloadHref({ mediaUrl: '/media/video/job-0?t=abc' })).toBe('/media/video/job-0?t=abc&download=1');
    expect(downloadHref({ mediaUrl: '/media/video/job-0' })).toBe('/media/video/job-0?download=1');
  });
});

describe('a video dropped on a frame zone', () => {
  beforeEach(() => vi.clearAllMocks());

  it('is told from an image by its type, or by its name when the OS gives none', () => {
    expect(isVideoFile({ type: 'video/mp4', name: 'x' })).toBe(true);
    expect(isVideoFile({ type: 'video/quicktime', name: 'x.mov' })).toBe(true);
    expect(isVideoFile({ type: '', name: 'clip.MOV' })).toBe(true);
    expect(isVideoFile({ type: 'image/png', name: 'clip.mp4.png' })).toBe(false);
    expect(isVideoFile({ type: '', name: 'still.jpg' })).toBe(false);
  });

  it('the last frame is the last one of the file’s frame table (frame 48 of 48 at 24 fps), not a guess from the end', () => {
    const clock = { fps: 24, frames: 48, start: 0 };
    expect(frameTimeIn(clock, 'first', 2)).toBeCloseTo(0.0001, 6);
    expect(frameTimeIn(clock, 'last', 2)).toBeCloseTo(47 / 24 + 0.0001, 6);
    // Unreadable table: the start, or a hair before the end the player reports.
    expect(frameTimeIn(undefined, 'first', 2)).toBe(0);
    expect(frameTimeIn(undefined, 'last', 2)).toBeCloseTo(1.95, 6);
  });

  it('the imported still is named after the video and the frame', () => {
    expect(frameFileName('walk.mp4', 'last')).toBe('walk-last-frame.png');
    expect(frameFileName('.mp4', 'first')).toBe('video-first-frame.png');
  });
});

describe('layout remembered', () => {
  afterEach(() => vi.unstubAllGlobals());
  const load = async (stored: string | undefined) => {
    const storage = new MemoryStorage();
    if (stored !== undefined) storage.setItem('keyframe.library.layout', stored);
    vi.stubGlobal('localStorage', storage);
    vi.resetModules();
    const prefs = await import('../../../renderer/src/features/library/library-prefs.js');
    return { prefs, storage };
  };

  it('the viewer never takes less than half the width or more than 80 %, whatever is stored or asked', async () => {
    const { prefs, storage } = await load(JSON.stringify({ split: 0.3, cell: 9999 }));
    expect(prefs.useLibraryPrefs.getState()).toMatchObject({ split: 0.5, cell: 360 });
    prefs.useLibraryPrefs.getState().setSplit(0.95);
    expect(prefs.useLibraryPrefs.getState().split).toBe(0.8);
    expect(JSON.parse(storage.getItem('keyframe.library.layout') ?? '{}')).toEqual({ cell: 360, split: 0.8 });
  });

  it('nothing or garbage stored: the defaults; a storage that refuses writes still lets the layout change', async () => {
    const { prefs, storage } = await load('{not json');
    expect(prefs.useLibraryPrefs.getState()).toMatchObject({ split: prefs.SPLIT_DEFAULT, cell: prefs.CELL_DEFAULT });
    storage.failWrites = true;
    prefs.useLibraryPrefs.getState().setCell(150);
    expect(prefs.useLibraryPrefs.getState().cell).toBe(150);
  });
});
