import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VideoView } from '../../../shared/ipc/views.js';
import type * as MediaGrab from '../../../renderer/src/features/library/media-grab.js';
import type * as PosterMaker from '../../../renderer/src/features/library/poster-maker.js';
import type * as PosterProgress from '../../../renderer/src/features/library/poster-progress.js';
import { videoView } from './view-samples.js';

/**
 * The background poster catch-up against a fake main and fake grabs: a video
 * whose grab fails gets one more try, one that fails twice is skipped, and a
 * grab that never settles is abandoned at its deadline, its element released;
 * in every case the backlog goes on to the next video. Time is vitest's fake
 * clock: the deadline passes when the test says so.
 */

interface BacklogAsk {
  limit: number;
  skip?: string[] | undefined;
}

const api = vi.hoisted(() => ({
  library: {
    savePoster: vi.fn<(input: { id: string; dataBase64: string }) => Promise<VideoView>>(),
    posterBacklog: vi.fn<(input: BacklogAsk) => Promise<{ total: number; missing: number; items: VideoView[] }>>(),
  },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

/** A detached <video> as the poster maker sees one: its source, and whether it was let go. */
interface FakeElement {
  src: string;
  duration: number;
  released: boolean;
}

/** How the grab of a video's nth try (0-based) goes: a picture, a failure, or nothing ever. */
type Outcome = 'ok' | 'fail' | 'hang';

const grabs = vi.hoisted(() => ({
  plan: (_src: string, _try: number): Outcome => 'ok',
  tries: new Map<string, number>(),
  elements: [] as FakeElement[],
}));

vi.mock('../../../renderer/src/features/library/media-grab', async (importOriginal) => {
  const actual = await importOriginal<typeof MediaGrab>();
  return {
    ...actual,
    openDetached: (src: string): Promise<FakeElement> => {
      const el: FakeElement = { src, duration: 8, released: false };
      grabs.elements.push(el);
      return Promise.resolve(el);
    },
    // The signal is not listened to: a grab stuck in a callback that never comes cannot be talked out of it.
    grabFrameAt: (el: FakeElement): Promise<string> => {
      const n = grabs.tries.get(el.src) ?? 0;
      grabs.tries.set(el.src, n + 1);
      const outcome = grabs.plan(el.src, n);
      if (outcome === 'hang') return new Promise<string>(() => undefined);
      if (outcome === 'fail') return Promise.reject(new Error('timed out waiting for seeked'));
      return Promise.resolve(`jpeg-of-${el.src}`);
    },
    release: (el: FakeElement): void => {
      el.released = true;
    },
  };
});

/** Main's library: which videos have a poster, answering the backlog as the service does. */
let library: VideoView[] = [];
let posters = new Set<string>();

const src = (id: string) => `/media/${id}.mp4`;
const made = () => [...posters].sort();
const triesOf = (id: string) => grabs.tries.get(src(id)) ?? 0;

let maker: typeof PosterMaker;
let progress: typeof PosterProgress;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.clearAllMocks();
  // The poster maker keeps what it tried for the page's life: each test starts with a fresh page.
  vi.resetModules();
  maker = await import('../../../renderer/src/features/library/poster-maker.js');
  progress = await import('../../../renderer/src/features/library/poster-progress.js');
  library = ['a', 'b', 'c'].map((id) => videoView(id, { mediaUrl: src(id) }));
  posters = new Set();
  grabs.plan = () => 'ok';
  grabs.tries.clear();
  grabs.elements.length = 0;
  api.library.posterBacklog.mockImplementation(({ limit, skip }) => {
    const skipped = new Set(skip ?? []);
    const missing = library.filter((v) => !posters.has(v.id));
    return Promise.resolve({ total: library.length, missing: missing.length, items: missing.filter((v) => !skipped.has(v.id)).slice(0, limit) });
  });
  api.library.savePoster.mockImplementation(({ id }) => {
    posters.add(id);
    const v = library.find((x) => x.id === id);
    if (!v) return Promise.reject(new Error(`no video ${id}`));
    return Promise.resolve({ ...v, posterUrl: `/posters/${id}.jpg` });
  });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets `ms` of fake time pass, running every callback and awaited reply that falls due on the way. */
async function pass(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('the poster backlog', () => {
  it('makes every missing poster, one grab per video, each element released', async () => {
    maker.catchUpPosters();
    await pass(0);
    expect(made()).toEqual(['a', 'b', 'c']);
    expect(['a', 'b', 'c'].map(triesOf)).toEqual([1, 1, 1]);
    expect(grabs.elements.every((el) => el.released)).toBe(true);
    expect(progress.usePosterProgress.getState().failed).toEqual([]);
  });

  it('a grab that fails once is tried again and gets its poster', async () => {
    grabs.plan = (s, n) => (s === src('a') && n === 0 ? 'fail' : 'ok');
    maker.catchUpPosters();
    await pass(0);
    expect(made()).toEqual(['a', 'b', 'c']);
    expect(triesOf('a')).toBe(2);
    expect(progress.usePosterProgress.getState().failed).toEqual([]);
    expect(grabs.elements.every((el) => el.released)).toBe(true);
  });

  it('a grab that fails twice is skipped, and the backlog goes on to the next video', async () => {
    grabs.plan = (s) => (s === src('a') ? 'fail' : 'ok');
    maker.catchUpPosters();
    await pass(0);
    expect(made()).toEqual(['b', 'c']);
    expect(triesOf('a')).toBe(2);
    expect(progress.usePosterProgress.getState().failed).toEqual(['a']);
    // Caught up: nothing more is asked of main while only the skipped one is missing.
    const asked = api.library.posterBacklog.mock.calls.length;
    maker.catchUpPosters();
    await pass(60_000);
    expect(api.library.posterBacklog.mock.calls.length).toBe(asked);
    // A video added later is made; main is told to leave the skipped one out, and it is not tried again.
    library.push(videoView('d', { mediaUrl: src('d') }));
    progress.usePosterProgress.getState().dispatch({ type: 'counts', counts: { total: 4, missing: 2 } });
    maker.catchUpPosters();
    await pass(0);
    expect(made()).toEqual(['b', 'c', 'd']);
    expect(api.library.posterBacklog.mock.calls.at(-1)?.[0].skip).toEqual(['a']);
    expect(triesOf('a')).toBe(2);
  });

  it('a grab that never settles is abandoned at its deadline, its element released, and the backlog goes on', async () => {
    grabs.plan = (s, n) => (s === src('a') && n === 0 ? 'hang' : 'ok');
    maker.catchUpPosters();
    await pass(0);
    // Stuck on the first video: nothing else is made while its grab is still within its deadline.
    expect(made()).toEqual([]);
    await pass(maker.POSTER_GRAB_DEADLINE_MS - 1);
    expect(made()).toEqual([]);
    expect(grabs.elements[0]?.released).toBe(false);
    await pass(1);
    expect(grabs.elements[0]?.released).toBe(true);
    // The abandoned grab counted as a failed try: the others are made, and the stuck one gets its second try.
    expect(made()).toEqual(['a', 'b', 'c']);
    expect(triesOf('a')).toBe(2);
    expect(grabs.elements.every((el) => el.released)).toBe(true);
  });

  it('a video whose grab never settles on either try is skipped after two deadlines', async () => {
    grabs.plan = (s) => (s === src('b') ? 'hang' : 'ok');
    maker.catchUpPosters();
    await pass(0);
    expect(made()).toEqual(['a']);
    await pass(maker.POSTER_GRAB_DEADLINE_MS);
    expect(made()).toEqual(['a', 'c']);
    await pass(maker.POSTER_GRAB_DEADLINE_MS);
    expect(triesOf('b')).toBe(2);
    expect(progress.usePosterProgress.getState().failed).toEqual(['b']);
    expect(grabs.elements.every((el) => el.released)).toBe(true);
  });

  it('a backlog page that fails to come (main busy) is asked for again', async () => {
    api.library.posterBacklog.mockRejectedValueOnce(new Error("Keyframe is busy with this window's earlier requests; try again."));
    maker.catchUpPosters();
    await pass(0);
    expect(made()).toEqual([]);
    await pass(maker.BACKLOG_RETRY_MS);
    expect(made()).toEqual(['a', 'b', 'c']);
  });
});
