import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main.js';
import type { CliEnvironment } from '../../electron/cli/environment.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured output and a throwaway data folder. */
export async function cli(argv: string[], env: Partial<CliEnvironment> = {}): Promise<CliResult> {
  const root = await mkdtemp(join(tmpdir(), 'keyframe-cli-inproc-'));
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
      onInterrupt: () => () => undefined,
    },
    { dataDir: join(root, 'data'), outputDir: join(root, 'out'), appVersion: '9.9.9', ...env },
  );
  return { code, stdout, stderr };
}
