import { parseArgs } from 'node:util';
import { JobStore } from '../../core/jobs/job-store.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { jobEvent } from '../reporter.js';

/** Lists the journal, newest first. Read-only: safe while the app runs. */
export async function jobsCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const { jobs, corrupt } = await new JobStore(env.dataDir).loadAll(Date.now());
  for (const c of corrupt) io.stderr.write(`keyframe: a damaged job record was moved aside to ${c.movedTo} (${c.reason})\n`);
  const newest = [...jobs].sort((a, b) => b.createdAt - a.createdAt);
  if (values.json) {
    for (const j of newest) io.stdout.write(`${JSON.stringify({ ...jobEvent(j), createdAt: j.createdAt, prompt: j.request.prompt })}\n`);
    return EXIT.ok;
  }
  if (newest.length === 0) {
    io.stdout.write('No jobs yet. Try: keyframe generate --demo "a paper boat on a rainy street"\n');
    return EXIT.ok;
  }
  for (const j of newest) {
    const when = new Date(j.createdAt).toISOString().replace('T', ' ').slice(0, 16);
    const pct = j.state === 'generating' && j.progress !== undefined ? ` ${j.progress}%` : '';
    const prompt = j.request.prompt.length > 48 ? `${j.request.prompt.slice(0, 47)}…` : j.request.prompt;
    io.stdout.write(`${j.id.slice(0, 8)}  ${when}  ${(j.state + pct).padEnd(16)} ${j.provider === 'demo' ? '[demo] ' : ''}${prompt}\n`);
    if (j.error && j.state !== 'done') io.stdout.write(`          ${j.error.message}\n`);
  }
  return EXIT.ok;
}
