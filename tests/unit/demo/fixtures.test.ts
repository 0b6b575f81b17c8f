import { describe, it, expect } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { demoFixtures, findFixturesDir, FIXTURES_ENV_VAR } from '../../../electron/core/demo/fixtures.js';

describe('demo fixtures', () => {
  const fixtures = demoFixtures();

  it('has three distinct small MP4s with JPEG thumbnails, one of them 9:16', () => {
    expect(fixtures).toHaveLength(3);
    const hashes = new Set<string>();
    for (const f of fixtures) {
      const mp4 = readFileSync(f.video);
      expect(mp4.length).toBeLessThanOrEqual(40 * 1024);
      expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');
      hashes.add(createHash('sha256').update(mp4).digest('hex'));
      const jpg = readFileSync(f.thumbnail);
      expect(jpg[0]).toBe(0xff);
      expect(jpg[1]).toBe(0xd8);
      expect(f.aspect === '9:16').toBe(f.height > f.width);
    }
    expect(hashes.size).toBe(3);
    expect(fixtures.filter((f) => f.aspect === '9:16')).toHaveLength(1);
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
