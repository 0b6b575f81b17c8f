import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface HostProcess {
  apiUrl: string;
  fileUrl?: string;
  stop(): Promise<void>;
}

/** Starts bench/support/fake-host-process.ts under tsx and waits for its URLs. */
export async function spawnFakeHost(args: string[]): Promise<HostProcess> {
  const script = fileURLToPath(new URL('./fake-host-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fake host exited early (${code})`)));
  });
  const urls = JSON.parse(line) as { apiUrl: string; fileUrl?: string };
  return {
    ...urls,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
