import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VideoView } from '../../../shared/ipc/views.js';
import type * as MediaGrab from '../../../renderer/src/features/library/media-grab.js';
import type * as TakeMedia from '../../../renderer/src/features/studio/take-media.js';
import { videoView } from './view-samples.js';

/**
 * The results feed's takes get posters made one at a time. A take whose grab
 * never settles (a seek or a draw that never calls back) is abandoned at the
 * grab deadline, its element released, and the takes after it still get theirs.
 */

const api = vi.hoisted(() => ({
  library: {
    get: vi.fn<(input: { id: string }) => Promise<VideoView>>(),
    savePoster: vi.fn<(input: { id: string; dataBase64: string }) => Promise<VideoView>>(),
    onChanged: vi.fn(() => () => undefined),
  },
}));
vi.mock('../../../renderer/src/api', () => ({ api, connection: { kind: 'socket', onState: () => () => undefined } }));

interface FakeElement {
  src: string;
  released: boolean;
}
const grabs = vi.hoisted(() => ({ hang: new Set<string>(), elements: [] as FakeElement[] }));
vi.mock('../../../renderer/src/features/library/media-grab', async (importOriginal) => {
  const actual = await importOriginal<typeof MediaGrab>();
  return {
    ...actual,
    seekDetached: (src: string): Promise<FakeElement> => {
      const el = { src, released: false };
      grabs.elements.push(el);
      return Promise.resolve(el);
    },
    grabFrame: (el: FakeElement): Promise<string> => (grabs.hang.has(el.src) ? new Promise<string>(() => undefined) : Promise.resolve(`jpeg-of-${el.src}`)),
    release: (el: FakeElement): void => {
      el.released = true;
    },
  };
});

let takes: typeof TakeMedia;
let grab: typeof MediaGrab;
const src = (id: string) => `/media/${id}.mp4`;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.clearAllMocks();
  vi.resetModules();
  takes = await import('../../../renderer/src/features/studio/take-media.js');
  grab = await import('../../../renderer/src/features/library/media-grab.js');
  grabs.hang.clear();
  grabs.elements.length = 0;
  api.library.get.mockImplementation(({ id }) => Promise.resolve(videoView(id, { mediaUrl: src(id), posterUrl: undefined })));
  api.library.savePoster.mockImplementation(({ id }) => Promise.resolve(videoView(id, { mediaUrl: src(id), posterUrl: `/posters/${id}.jpg` })));
});
afterEach(() => vi.useRealTimers());

const posterOf = (id: string) => {
  const m = takes.useTakeMediaStore.getState().media[id];
  return m === undefined || m === 'missing' ? undefined : m.posterUrl;
};

describe('take posters in the results feed', () => {
  it('makes each take its poster, one at a time, releasing each element', async () => {
    takes.askTake('a');
    takes.askTake('b');
    await vi.advanceTimersByTimeAsync(0);
    expect([posterOf('a'), posterOf('b')]).toEqual(['/posters/a.jpg', '/posters/b.jpg']);
    expect(grabs.elements.every((el) => el.released)).toBe(true);
  });

  it('a grab that never settles is abandoned at the deadline and the next take still gets its poster', async () => {
    grabs.hang.add(src('a'));
    takes.askTake('a');
    takes.askTake('b');
    await vi.advanceTimersByTimeAsync(grab.GRAB_DEADLINE_MS - 1);
    expect(posterOf('b')).toBeUndefined();
    expect(grabs.elements[0]?.released).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(grabs.elements[0]?.released).toBe(true);
    expect(posterOf('a')).toBeUndefined();
    expect(posterOf('b')).toBe('/posters/b.jpg');
    expect(api.library.savePoster).toHaveBeenCalledTimes(1);
  });
});
