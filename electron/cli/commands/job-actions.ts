import { isAppFailure } from '../../../shared/errors.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { fail, type CliIo } from '../io.js';
import { openRuntime } from '../runtime.js';
import type { Runtime } from '../runtime.js';

/** Finds a job by full id or unique prefix (as `keyframe jobs` prints 8 characters). */
function resolveId(rt: Runtime, prefix: string | undefined, io: CliIo): string | undefined {
  if (!prefix) return fail(io, 'job id: missing (see `keyframe jobs`)'), undefined;
  const hits = rt.engine.queue.list().filter((j) => j.id.startsWith(prefix));
  if (hits.length === 1) return hits[0]?.id;
  fail(io, hits.length === 0 ? `job id: no job starts with “${prefix}”` : `job id: “${prefix}” matches ${hits.length} jobs; give more characters`);
  return undefined;
}

async function withQueue(env: CliEnvironment, io: CliIo, fn: (rt: Runtime) => Promise<number>): Promise<number> {
  const rt = await openRuntime(env, { demo: false });
  try {
    // Load and edit the journal without running any job; `keyframe resume` runs them.
    await rt.engine.queue.start({ drive: false });
    return await fn(rt);
  } catch (err) {
    if (isAppFailure(err)) return fail(io, err.app.message), exitCodeFor(err.app.code);
    throw err;
  } finally {
    await rt.close();
  }
}

export function stopCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  return withQueue(env, io, async (rt) => {
    const id = resolveId(rt, argv[0], io);
    if (!id) return EXIT.usage;
    const job = await rt.engine.queue.stop(id);
    io.stdout.write(`Stopped tracking ${id.slice(0, 8)}. ${job.error?.message ?? ''}\n`);
    return EXIT.ok;
  });
}

export function retryCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  return withQueue(env, io, async (rt) => {
    const id = resolveId(rt, argv[0], io);
    if (!id) return EXIT.usage;
    const job = await rt.engine.queue.retry(id);
    io.stdout.write(`Queued ${job.id.slice(0, 8)} as a retry of ${id.slice(0, 8)}. Run \`keyframe resume\` to run it.\n`);
    return EXIT.ok;
  });
}
