import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApimart, type FakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import { cli, type CliResult } from '../../support/cli-in-process.js';
import { filesWithKeyTrace, keyTraceIn } from '../../support/key-trace.js';

/**
 * The CLI over a gateway that echoes the key into its replies: nothing it
 * prints (generate, jobs, balance; text and --json), journals or logs may hold
 * a trace of it. The key has no `sk-` shape, so only the client's knowledge of
 * the key it sent can remove it.
 */
const KEY = 'kf0-cli-echo-M1n2B3v4C5x6';

let fake: FakeApimart;
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'keyframe-cli-echo-'));
  fake = await startFakeApimart({ apiKey: KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
});
afterEach(async () => {
  await fake.close();
  await rm(root, { recursive: true, force: true });
});

const run = (argv: string[]): Promise<CliResult> =>
  cli(argv, { apiKey: KEY, baseUrl: fake.apiUrl, dataDir: join(root, 'data'), outputDir: join(root, 'out') });
const printed = (r: CliResult) => `${r.stdout}\n${r.stderr}`;

describe('keyframe CLI over a gateway that echoes the key', () => {
  it('generate, jobs and balance print no trace of it, and none is journaled or logged', async () => {
    // A task that fails with the key in its error, after replies whose request ids carry it.
    fake.fault({ route: 'submit', kind: 'echo-auth-headers' });
    fake.fault({
      route: 'task',
      kind: 'echo-auth',
      status: 200,
      body: { code: 200, data: { status: 'failed', error: { message: 'upstream refused {auth}', code: '{token}' } } },
      headers: { 'X-Oneapi-Request-Id': 'req_{token}' },
    });
    const failedTask = await run(['generate', 'a parrot repeating headers', '--json']);
    expect(failedTask.code).toBe(1);
    expect(failedTask.stdout).toContain('upstream refused Bearer [redacted]');

    // A submit refused with the key in the refusal, in text mode.
    fake.fault({ route: 'submit', kind: 'echo-auth', status: 400, body: { error: { message: 'bad header {auth}', type: 'invalid_request_error', request_id: '{token}' } } });
    const refused = await run(['generate', 'a parrot that is refused']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('[redacted]');

    // An unreadable balance reply echoing the key.
    fake.fault({ route: 'balance', kind: 'echo-auth', status: 200, body: { success: false, message: 'quota of {token} exhausted' } });
    const balance = await run(['balance', '--json']);
    expect(balance.code).toBe(1);
    expect(balance.stderr).toContain('quota of [redacted] exhausted');

    const listedJson = await run(['jobs', '--json']);
    const listedText = await run(['jobs']);
    expect(listedJson.stdout.trim().split('\n')).toHaveLength(2);
    expect(listedJson.stdout).toContain('[redacted]');
    expect(listedText.stdout).toContain('[redacted]');

    for (const r of [failedTask, refused, balance, listedJson, listedText]) expect(keyTraceIn(printed(r), KEY), printed(r)).toBeUndefined();
    const log = await readFile(join(root, 'data', 'logs', 'keyframe.log'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(keyTraceIn(log, KEY)).toBeUndefined();
    expect(await filesWithKeyTrace(KEY, join(root, 'data'), join(root, 'out'))).toEqual([]);
  });
});
