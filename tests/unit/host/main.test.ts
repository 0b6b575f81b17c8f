import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/host/main.js';
import { tempDir } from './helpers.js';

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l), env } };
}

describe('keyframe browser host CLI', () => {
  it('prints usage for --help', async () => {
    const r = io();
    expect(await main(['--help'], r.io)).toBe(0);
    expect(r.out.join('\n')).toMatch(/--port N.*--demo/);
  });

  it('refuses unknown flags and bad ports with exit code 2', async () => {
    for (const argv of [['--bogus'], ['--port', 'abc'], ['--port', '70000'], ['--port', '-1']]) {
      const r = io();
      expect(await main(argv, r.io), argv.join(' ')).toBe(2);
      expect(r.err.join('\n')).not.toBe('');
    }
  });

  it('says how to build when the UI is missing', async () => {
    const r = io({ KEYFRAME_RENDERER_DIR: tempDir(), KEYFRAME_DATA_DIR: tempDir() });
    expect(await main([], r.io)).toBe(1);
    expect(r.err.join('\n')).toMatch(/The UI is not built.*npm run build/);
  });
});
