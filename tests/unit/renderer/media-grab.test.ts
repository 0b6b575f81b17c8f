import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlankFrameError, GrabDeadlineError, grabFrame, grabFrameAt, openDetached, seekExactly, settled, withDeadline } from '../../../renderer/src/features/library/media-grab.js';

/**
 * Grabbing a frame from a detached <video>: a canvas left transparent (the frame was not ready to draw
 * when the seek said it was done) is never handed on as a picture; a seek is tried again instead.
 */

/** A paused video: each seek ends with `seeked`; `ready` says whether a seek's frame can be drawn. */
class FakeVideo extends EventTarget {
  readonly videoWidth = 8;
  readonly videoHeight = 4;
  readonly readyState = 4;
  readonly seeks: number[] = [];
  /** Whether the frame is drawable after the nth seek (0-based). */
  constructor(private readonly ready: (seek: number) => boolean) {
    super();
  }
  get drawable(): boolean {
    return this.seeks.length > 0 && this.ready(this.seeks.length - 1);
  }
  set currentTime(t: number) {
    this.seeks.push(t);
    queueMicrotask(() => this.dispatchEvent(new Event('seeked')));
  }
}

/** A 2D canvas that is opaque only where a drawable frame was drawn. */
function fakeCanvas() {
  let drawn = false;
  const ctx = {
    drawImage: (v: FakeVideo) => {
      drawn = v.drawable;
    },
    getImageData: () => ({ data: new Uint8ClampedArray([10, 20, 30, drawn ? 255 : 0]) }),
  };
  return { width: 0, height: 0, getContext: () => ctx, toBlob: (done: (b: Blob | null) => void) => done(new Blob([Uint8Array.of(1, 2, 3)])) };
}

class FakeFileReader {
  result: string | null = null;
  error: Error | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsDataURL(blob: Blob): void {
    void blob.arrayBuffer().then((buf) => {
      this.result = `data:image/png;base64,${btoa(String.fromCharCode(...new Uint8Array(buf)))}`;
      this.onload?.();
    });
  }
}

beforeEach(() => {
  vi.stubGlobal('document', { createElement: () => fakeCanvas() });
  vi.stubGlobal('FileReader', FakeFileReader);
});
afterEach(() => vi.unstubAllGlobals());

const asVideo = (v: FakeVideo) => v as unknown as HTMLVideoElement;

describe('grabbing a frame', () => {
  it('refuses a canvas the frame was not drawn on, rather than return an empty picture', async () => {
    const video = new FakeVideo(() => false);
    video.currentTime = 1;
    await expect(grabFrame(asVideo(video), 'image/png')).rejects.toBeInstanceOf(BlankFrameError);
  });

  it('returns the drawn frame as base64', async () => {
    const video = new FakeVideo(() => true);
    video.currentTime = 1;
    await expect(grabFrame(asVideo(video), 'image/png')).resolves.toBe('AQID');
  });

  it('seeks to the same time again when the frame was not ready, and returns it once drawn', async () => {
    const video = new FakeVideo((seek) => seek >= 2);
    await expect(grabFrameAt(asVideo(video), 1.9375, 'image/png')).resolves.toBe('AQID');
    expect(video.seeks).toEqual([1.9375, 1.9375, 1.9375]);
  });

  it('gives up after a few blank tries with the reason, instead of looping', async () => {
    const video = new FakeVideo(() => false);
    await expect(grabFrameAt(asVideo(video), 0.5, 'image/jpeg', 640)).rejects.toBeInstanceOf(BlankFrameError);
    expect(video.seeks).toHaveLength(4);
  });
});

/**
 * A detached <video> after its first load, on a busy machine: a seek lands (`seeked`) before its frame
 * is decoded, with readyState back at HAVE_METADATA. The frame comes `frameMs` later, announced as
 * Chromium announces it after a seek: by `canplay` when more than the frame is there, by nothing at all
 * when only the frame is (`loadeddata` fires once per load, and it has).
 */
class SlowSeekVideo extends EventTarget {
  readyState = 4;
  src = '';
  constructor(
    private readonly frameMs: number,
    private readonly readyAfter: 2 | 4,
  ) {
    super();
  }
  set currentTime(t: number) {
    // As HTMLMediaElement's setter does.
    if (!Number.isFinite(t)) throw new TypeError('The provided double value is non-finite.');
    this.readyState = 1;
    setTimeout(() => this.dispatchEvent(new Event('seeked')), 5);
    setTimeout(() => {
      this.readyState = this.readyAfter;
      if (this.readyAfter === 4) this.dispatchEvent(new Event('canplay'));
    }, 5 + this.frameMs);
  }
}

describe('seeking a video that has loaded before', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  for (const readyAfter of [4, 2] as const) {
    it(`waits for the frame after the seek lands, and goes on once it is there (readyState ${readyAfter})`, async () => {
      const video = new SlowSeekVideo(300, readyAfter);
      let landed = false;
      const seek = seekExactly(video as unknown as HTMLVideoElement, 0.5).then(() => (landed = true));
      await vi.advanceTimersByTimeAsync(5);
      expect(landed).toBe(false);
      // Well within a second of the frame arriving, not at the 15 s step timeout.
      await vi.advanceTimersByTimeAsync(400);
      expect(landed).toBe(true);
      await seek;
    });
  }

  it('refuses a time it cannot seek to, without leaving a wait behind', async () => {
    const video = new SlowSeekVideo(0, 4);
    await expect(seekExactly(video as unknown as HTMLVideoElement, Number.NaN)).rejects.toThrow();
    expect(vi.getTimerCount()).toBe(0);
  });
});

/** A detached <video> whose metadata never comes (a stalled connection); records whether it was let go. */
class StalledVideo extends EventTarget {
  crossOrigin = '';
  preload = '';
  muted = false;
  src = '';
  loads = 0;
  removeAttribute(name: string): void {
    if (name === 'src') this.src = '';
  }
  load(): void {
    this.loads += 1;
  }
}

/** The viewer's own <video> as an action finds it: `seeking` until its seek lands, then its frame a little later. */
class ViewerVideo extends EventTarget {
  seeking = true;
  readyState = 1;
  land(after: 'event' | 'silently'): void {
    this.seeking = false;
    if (after === 'event') this.dispatchEvent(new Event('seeked'));
  }
  frame(): void {
    this.readyState = 2;
  }
}

describe('waiting for the viewer to settle before grabbing its frame', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const asVideoEl = (v: ViewerVideo) => v as unknown as HTMLVideoElement;

  it('goes on once the seek has landed and its frame is drawable, even when no event says the frame came', async () => {
    const video = new ViewerVideo();
    let done = false;
    const wait = settled(asVideoEl(video)).then(() => (done = true));
    video.land('event');
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(false);
    // Back at HAVE_CURRENT_DATA with no event (loadeddata fires once per load, and it has).
    video.frame();
    await vi.advanceTimersByTimeAsync(150);
    expect(done).toBe(true);
    await wait;
  });

  it('says so when the seek never lands, instead of waiting for ever', async () => {
    const video = new ViewerVideo();
    const wait = settled(asVideoEl(video));
    const failed = expect(wait).rejects.toThrow(/seeked/);
    await vi.advanceTimersByTimeAsync(15_000);
    await failed;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('returns at once for a video already showing its frame', async () => {
    const video = new ViewerVideo();
    video.land('silently');
    video.frame();
    await expect(settled(asVideoEl(video))).resolves.toBeUndefined();
  });
});

describe('opening a detached video', () => {
  let video: StalledVideo;
  beforeEach(() => {
    vi.useFakeTimers();
    video = new StalledVideo();
    vi.stubGlobal('document', { createElement: () => video });
  });
  afterEach(() => vi.useRealTimers());

  it('lets go of the element when the open is abandoned, at once', async () => {
    const abandon = new AbortController();
    const opening = openDetached('/media/v.mp4', abandon.signal);
    expect(video.src).toBe('/media/v.mp4');
    abandon.abort(new Error('given up'));
    await expect(opening).rejects.toThrow('given up');
    expect(video.src).toBe('');
    expect(video.loads).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets go of the element when its metadata never comes', async () => {
    const opening = openDetached('/media/v.mp4');
    const failed = expect(opening).rejects.toThrow('timed out waiting for loadedmetadata');
    await vi.advanceTimersByTimeAsync(15_000);
    await failed;
    expect(video.src).toBe('');
  });
});

describe('a grab with a deadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stops waiting for work that never settles once the deadline passes, and tells it so', async () => {
    let seen: AbortSignal | undefined;
    const grab = withDeadline(20_000, (signal) => {
      seen = signal;
      return new Promise<string>(() => undefined);
    });
    const failed = expect(grab).rejects.toBeInstanceOf(GrabDeadlineError);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await failed;
    expect(seen?.aborted).toBe(true);
  });

  it('gives what the work gave in time, and leaves no timer behind', async () => {
    await expect(withDeadline(20_000, () => Promise.resolve('AQID'))).resolves.toBe('AQID');
    await expect(withDeadline(20_000, () => Promise.reject(new Error('The video could not be read.')))).rejects.toThrow('could not be read');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a late failure of abandoned work goes nowhere', async () => {
    let fail: (err: Error) => void = () => undefined;
    const grab = withDeadline(1_000, () => new Promise<string>((_resolve, reject) => (fail = reject)));
    const failed = expect(grab).rejects.toBeInstanceOf(GrabDeadlineError);
    await vi.advanceTimersByTimeAsync(1_000);
    await failed;
    fail(new Error('timed out waiting for seeked'));
    await vi.advanceTimersByTimeAsync(0);
  });
});
