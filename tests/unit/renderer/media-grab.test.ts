import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlankFrameError, grabFrame, grabFrameAt } from '../../../renderer/src/features/library/media-grab.js';

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
