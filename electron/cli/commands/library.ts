import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isBareEntry, type LibraryEntry } from '../../../shared/domain/video.js';
import { createdAtOf } from '../../core/library/library-entry.js';
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
    for (const e of items) io.stdout.write(`${JSON.stringify(jsonLine(e))}\n`);
    return EXIT.ok;
  }
  if (total === 0) {
    io.stdout.write(values.search ? `No videos match “${values.search}”.\n` : `The library is empty (${dirs.join(', ')}).\n`);
    return EXIT.ok;
  }
  for (const e of items) {
    const when = new Date(createdAtOf(e)).toISOString().slice(0, 10);
    if (isBareEntry(e)) {
      const c = e.container;
      const size = c.width === undefined || c.height === undefined ? '' : ` ${c.width}x${c.height}`;
      io.stdout.write(`${when}  ${c.durationS.toFixed(1)}s${size} (no sidecar)  ${join(e.dir, e.fileName)}\n`);
      if (e.provenance?.prompt) io.stdout.write(`            ${e.provenance.prompt.slice(0, 100)}\n`);
      continue;
    }
    const s = e.sidecar;
    io.stdout.write(`${when}  ${s.request.duration}s ${s.request.resolution} ${s.request.aspect_ratio}  ${join(e.dir, s.file)}${e.videoMissing ? '  (video missing)' : ''}\n`);
    io.stdout.write(`            ${s.request.prompt.slice(0, 100)}\n`);
  }
  io.stdout.write(`${items.length} of ${total} video(s)\n`);
  return EXIT.ok;
}

/** One `--json` line: a bare video has no sidecar, so no cost, and only what its file says of how it was made. */
function jsonLine(e: LibraryEntry): Record<string, unknown> {
  if (isBareEntry(e)) {
    const p = e.provenance;
    return { id: e.id, path: join(e.dir, e.fileName), bare: true, prompt: p?.prompt, model: p?.model, seed: p?.seed, createdAt: createdAtOf(e), durationS: e.container.durationS, missing: false };
  }
  const s = e.sidecar;
  return { id: e.id, path: join(e.dir, s.file), prompt: s.request.prompt, model: s.model, seed: s.seed, costUsd: s.cost.usd, createdAt: s.timings.createdAt, missing: e.videoMissing };
}
