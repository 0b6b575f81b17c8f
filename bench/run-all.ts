/** Runs every benchmark in its own process (so one's memory never colours another's). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = ['download.bench.ts', 'jobs-cpu.bench.ts', 'ui.bench.ts', 'studio.bench.ts'];
// Writing and indexing 100,000 sidecars takes minutes: run on request only.
if (process.env.BENCH_LIBRARY_100K === '1') benches.push('library-100k.bench.ts');
let failed = false;
for (const b of benches) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${b}`, import.meta.url))], { stdio: 'inherit' });
  failed ||= r.status !== 0;
}
process.exitCode = failed ? 1 : 0;
