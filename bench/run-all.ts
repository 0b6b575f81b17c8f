/** Runs every benchmark in its own process (so one's memory never colours another's). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = ['download.bench.ts', 'jobs-cpu.bench.ts', 'ui.bench.ts', 'studio.bench.ts'];
let failed = false;
for (const b of benches) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${b}`, import.meta.url))], { stdio: 'inherit' });
  failed ||= r.status !== 0;
}
process.exitCode = failed ? 1 : 0;
