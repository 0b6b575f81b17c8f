import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The security scan in `npm test` must fail on a HIGH finding, not just print it. */
const repo = resolve(import.meta.dirname, '..', '..', '..');
const script = join(repo, 'scripts', 'check-electronegativity.mjs');
const copy = mkdtempSync(join(tmpdir(), 'keyframe-eg-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const scan = (dir?: string) => spawnSync(process.execPath, [script, ...(dir ? [dir] : [])], { cwd: repo, encoding: 'utf8' });

describe('electronegativity check', () => {
  it('passes on the real shell, and fails when context isolation is turned off', () => {
    const ok = scan();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('No HIGH findings.');

    cpSync(join(repo, 'electron'), copy, { recursive: true });
    const windowTs = join(copy, 'main', 'window.ts');
    const unsafe = readFileSync(windowTs, 'utf8').replace('contextIsolation: true', 'contextIsolation: false');
    expect(unsafe).toContain('contextIsolation: false');
    writeFileSync(windowTs, unsafe);
    const bad = scan(copy);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('CONTEXT_ISOLATION_JS_CHECK');
  }, 60_000);
});
