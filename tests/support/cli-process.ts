import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const CLI = join(REPO, 'bin', 'keyframe.js');

export function assertBuilt(): void {
  if (!existsSync(join(REPO, 'dist', 'electron', 'cli', 'bin.js'))) {
    throw new Error('The CLI is not built: run `npm run build` (the `npm test` script does this first).');
  }
}

export interface CliRun {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves with the first stdout line satisfying the predicate. */
  waitForLine(pred: (line: string) => boolean): Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the real `keyframe` binary as a child process with its own environment. */
export function runCliProcess(args: string[], env: Record<string, string>): CliRun {
  assertBuilt();
  // Only what the CLI needs: a stray APIMART_API_KEY from the developer's shell must not leak in.
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pred: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.pred(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  return {
    child,
    lines,
    stderr: () => err,
    exit,
    waitForLine(pred) {
      const hit = lines.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((res, rej) => {
        waiters.push({ pred, resolve: res });
        void exit.then(({ code, signal }) => rej(new Error(`CLI exited (code ${code}, signal ${signal}) before the expected line.\nstderr: ${err}\nstdout: ${lines.join('\n')}`)));
      });
    },
  };
}
