import { describe, expect, it } from 'vitest';
import { DUPLICATE_WINDOW_MS, RecentSubmits, requestFingerprint } from '../../../electron/services/recent-submits.js';
import { IpcGenerationRequestSchema } from '../../../shared/ipc/contract.js';

/** The pure parts of the double-press guard: what counts as the same job, and for how long. */

const parsed = (input: Record<string, unknown>) => IpcGenerationRequestSchema.parse(input);
const fp = (input: Record<string, unknown>, provider: 'apimart' | 'demo' = 'apimart') => requestFingerprint(parsed(input), provider);
const FRAME = 'c'.repeat(64);

describe('requestFingerprint', () => {
  it('is the same for the same request written differently: defaults, spaces around the prompt, key order', () => {
    const plain = fp({ prompt: 'a paper boat' });
    expect(fp({ prompt: '  a paper boat \n' })).toBe(plain);
    expect(fp({ duration: 8, prompt: 'a paper boat', model: 'veo3.1-fast-official', sample_count: 1 })).toBe(plain);
    expect(fp({ aspect_ratio: '16:9', resolution: '720p', prompt: 'a paper boat', generate_audio: false })).toBe(plain);
  });

  it('names frames by content hash and URLs in their canonical form', () => {
    const withFrame = fp({ prompt: 'x', first_frame_image: { kind: 'frame', frameId: FRAME } });
    expect(fp({ first_frame_image: { frameId: FRAME, kind: 'frame' }, prompt: 'x' })).toBe(withFrame);
    expect(fp({ prompt: 'x', first_frame_image: { kind: 'frame', frameId: 'd'.repeat(64) } })).not.toBe(withFrame);
    expect(fp({ prompt: 'x', first_frame_image: { kind: 'url', url: 'https://CDN.example.com/a.png' } })).toBe(
      fp({ prompt: 'x', first_frame_image: { kind: 'url', url: 'https://cdn.example.com/a.png' } }),
    );
  });

  it('tells apart any setting that changes the video, and the provider', () => {
    const plain = fp({ prompt: 'a paper boat' });
    for (const other of [
      { prompt: 'a paper boat at night' },
      { prompt: 'a paper boat', seed: 7 },
      { prompt: 'a paper boat', duration: 4 },
      { prompt: 'a paper boat', sample_count: 2 },
      { prompt: 'a paper boat', negative_prompt: 'rain' },
      { prompt: 'a paper boat', first_frame_image: { kind: 'frame', frameId: FRAME } },
      { prompt: 'a paper boat', first_frame_image: { kind: 'frame', frameId: FRAME }, last_frame_image: { kind: 'frame', frameId: FRAME } },
    ]) {
      expect(fp(other), JSON.stringify(other)).not.toBe(plain);
    }
    expect(fp({ prompt: 'a paper boat' }, 'demo')).not.toBe(plain);
  });
});

describe('RecentSubmits', () => {
  const T0 = Date.UTC(2026, 0, 1);

  it('reports how long ago the same job was queued, within the window only', () => {
    const recent = new RecentSubmits();
    expect(recent.sinceLast('a', T0)).toBeUndefined();
    recent.mark('a', T0);
    expect(recent.sinceLast('a', T0 + 2000)).toBe(2000);
    expect(recent.sinceLast('b', T0 + 2000)).toBeUndefined();
    expect(recent.sinceLast('a', T0 + DUPLICATE_WINDOW_MS - 1)).toBe(DUPLICATE_WINDOW_MS - 1);
    expect(recent.sinceLast('a', T0 + DUPLICATE_WINDOW_MS)).toBeUndefined();
  });

  it('counts the window from the latest time the job was queued', () => {
    const recent = new RecentSubmits();
    recent.mark('a', T0);
    recent.mark('a', T0 + 8000);
    expect(recent.sinceLast('a', T0 + 15_000)).toBe(7000);
  });

  it('forgets a mark whose submit failed, and puts back the one before it', () => {
    const recent = new RecentSubmits();
    recent.mark('a', T0)();
    expect(recent.sinceLast('a', T0 + 1)).toBeUndefined();
    recent.mark('b', T0);
    const undo = recent.mark('b', T0 + 3000);
    undo();
    expect(recent.sinceLast('b', T0 + 4000)).toBe(4000);
  });

  it('leaves a newer mark alone when an older submit fails late', () => {
    const recent = new RecentSubmits();
    const undoFirst = recent.mark('a', T0);
    recent.mark('a', T0 + 1000);
    undoFirst();
    expect(recent.sinceLast('a', T0 + 2000)).toBe(1000);
  });

  it('takes a job marked "later" by a clock set back as just queued', () => {
    const recent = new RecentSubmits();
    recent.mark('a', T0);
    expect(recent.sinceLast('a', T0 - 5000)).toBe(0);
  });
});
