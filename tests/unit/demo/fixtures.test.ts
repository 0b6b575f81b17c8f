import { describe, it, expect } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { demoFixtures, findFixturesDir, fixtureFor, FIXTURES_ENV_VAR } from '../../../electron/core/demo/fixtures.js';

describe('demo fixtures', () => {
  const fixtures = demoFixtures();

  it('has a small MP4 with a JPEG thumbnail for every aspect and duration a request may ask for, all distinct', () => {
    expect(fixtures).toHaveLength(6);
    expect(fixtures.map((f) => `${f.aspect} ${f.durationS}`).sort()).toEqual(['16:9 4', '16:9 6', '16:9 8', '9:16 4', '9:16 6', '9:16 8']);
    const hashes = new Set<string>();
    for (const f of fixtures) {
      const mp4 = readFileSync(f.video);
      expect(mp4.length).toBeLessThanOrEqual(60 * 1024);
      expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');
      hashes.add(createHash('sha256').update(mp4).digest('hex'));
      const jpg = readFileSync(f.thumbnail);
      expect(jpg[0]).toBe(0xff);
      expect(jpg[1]).toBe(0xd8);
      expect(f.aspect === '9:16').toBe(f.height > f.width);
    }
    expect(hashes.size).toBe(6);
  });

  it('the first fixture is the request default (8 s, 16:9), and a longer clip is a larger file', () => {
    expect(fixtures[0]).toMatchObject({ aspect: '16:9', durationS: 8 });
    for (const aspect of ['16:9', '9:16'] as const) {
      const size = (d: number) => statSync(fixtureFor(fixtures, aspect, d).video).size;
      expect(size(4)).toBeLessThan(size(6));
      expect(size(6)).toBeLessThan(size(8));
    }
  });

  it('is found from the compiled location too, walking up to the source tree', () => {
    const dir = dirname(fixtures[0]?.video ?? '');
    const root = join(dir, '..', '..', '..', '..');
    expect(findFixturesDir(join(root, 'dist', 'electron', 'core', 'demo'), {})).toBe(dir);
    expect(statSync(join(dir, 'README.md')).isFile()).toBe(true);
  });

  it('falls back to the environment variable, and says where it looked when all fails', () => {
    const dir = dirname(fixtures[0]?.video ?? '');
    expect(findFixturesDir('/', { [FIXTURES_ENV_VAR]: dir })).toBe(dir);
    expect(() => findFixturesDir('/', {})).toThrow(FIXTURES_ENV_VAR);
  });
});
