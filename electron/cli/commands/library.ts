import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LibraryIndex } from '../../core/library/library-index.js';
import { queryLibrary } from '../../core/library/library-query.js';
import { systemClock } from '../../core/ports.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT } from '../exit-codes.js';
import { fail, type CliIo } from '../io.js';

/** Lists (and searches) the local library, rebuilt from the sidecars in the output folder. */
export async function libraryCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { search: { type: 'string', short: 's' }, dir: { type: 'string', multiple: true }, json: { type: 'boolean' }, limit: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    fail(io, (err as Error).message);
    return EXIT.usage;
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    fail(io, 'limit: must be a whole number from 1 to 500');
    return EXIT.usage;
  }
  const dirs = [env.outputDir, ...(values.dir ?? []).map((d) => resolve(d))];
  const index = new LibraryIndex({ cachePath: join(env.dataDir, 'library-index.json'), dirs, clock: systemClock });
  await index.load();
  const refreshed = await index.refresh();
  for (const c of refreshed.corrupt) io.stderr.write(`keyframe: skipped a damaged sidecar: ${c}\n`);
  const { total, items } = queryLibrary(index.all(), { text: values.search, limit });
  if (values.json) {
    for (const e of items) io.stdout.write(`${JSON.stringify({ id: e.id, path: join(e.dir, e.sidecar.file), prompt: e.sidecar.request.prompt, model: e.sidecar.model, seed: e.sidecar.seed, costUsd: e.sidecar.cost.usd, createdAt: e.sidecar.timings.createdAt, missing: e.videoMissing })}\n`);
    return EXIT.ok;
  }
  if (total === 0) {
    io.stdout.write(values.search ? `No videos match “${values.search}”.\n` : `The library is empty (${dirs.join(', ')}).\n`);
    return EXIT.ok;
  }
  for (const e of items) {
    const s = e.sidecar;
    const when = new Date(s.timings.createdAt).toISOString().slice(0, 10);
    io.stdout.write(`${when}  ${s.request.duration}s ${s.request.resolution} ${s.request.aspect_ratio}  ${join(e.dir, s.file)}${e.videoMissing ? '  (video missing)' : ''}\n`);
    io.stdout.write(`            ${s.request.prompt.slice(0, 100)}\n`);
  }
  io.stdout.write(`${items.length} of ${total} video(s)\n`);
  return EXIT.ok;
}
