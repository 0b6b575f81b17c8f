import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ERROR_MESSAGES, fillTemplate, isErrorKey } from '../../../shared/error-messages.js';
import { SEQUENCE_FILE_SUFFIX } from '../../../shared/domain/sequence.js';
import { isAppFailure } from '../../../shared/errors.js';
import { systemClock } from '../../core/ports.js';
import type { ExportProgress } from '../../core/sequence/export-progress.js';
import { readSequenceAt } from '../../core/sequence/sequence-file.js';
import { exportSequence } from '../../core/sequence/run-export.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { fail, type CliIo } from '../io.js';

export const EXPORT_HELP = `  keyframe export SEQUENCE.json [--out FILE.mp4] [--json]
                                          join a sequence's trimmed clips into one MP4 (no re-encoding),
                                          with a .keyframe-export.json record beside it
`;

/**
 * `keyframe export scene.keyframe-sequence.json --out scene.mp4`: the packet
 * copy of the engine, with a progress bar (and the time left) on a terminal
 * or one JSON object per event with --json. Clips that must be re-encoded to
 * be joined are refused (exit 2, naming the clip): Node has no video encoder,
 * the app's page does that.
 */
export async function exportCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (err) {
    fail(io, (err as Error).message);
    return EXIT.usage;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    fail(io, 'export: give one sequence file, e.g. keyframe export scene.keyframe-sequence.json --out scene.mp4');
    return EXIT.usage;
  }
  const json = parsed.values.json === true;
  const sequencePath = resolve(file);
  const out = resolve(parsed.values.out ?? join(dirname(sequencePath), `${stemOf(sequencePath)}.mp4`));
  const emit = (event: Record<string, unknown>) => io.stdout.write(`${JSON.stringify(event)}\n`);
  const bar = progressBar(io);
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  try {
    const stored = await readSequenceAt(sequencePath, basename(sequencePath));
    const result = await exportSequence({
      sequencePath,
      document: stored.document,
      sequenceSha256: stored.revision,
      out,
      clock: systemClock,
      appVersion: env.appVersion,
      signal: controller.signal,
      onProgress: (p) => (json ? emit({ event: 'progress', phase: p.phase, fraction: round3(p.fraction), ...(p.etaMs === undefined ? {} : { etaMs: p.etaMs }) }) : bar.draw(p)),
    });
    bar.end();
    if (json) emit({ event: 'done', file: result.path, sidecar: join(dirname(result.path), result.sidecarName), bytes: result.bytes, sha256: result.sha256, durationS: result.durationS, method: result.method });
    else io.stdout.write(`${result.path}\n`);
    return EXIT.ok;
  } catch (err) {
    bar.end();
    if (!isAppFailure(err)) throw err;
    const note = err.app.note && isErrorKey(err.app.note.key) ? ` ${fillTemplate(ERROR_MESSAGES[err.app.note.key], err.app.note.params)}` : '';
    if (json) emit({ event: 'error', error: { code: err.app.code, key: err.app.key, message: err.app.message } });
    fail(io, `${err.app.message}${note}`);
    if (err.app.code === 'cancelled') return EXIT.interrupted;
    // A sequence or clip that is missing or damaged is the command's input, not a failure along the way.
    if (err.app.code === 'not_found' || err.app.code === 'corrupt_data') return EXIT.usage;
    return exitCodeFor(err.app.code);
  } finally {
    stopListening();
  }
}

function stemOf(path: string): string {
  const name = basename(path);
  if (name.endsWith(SEQUENCE_FILE_SUFFIX)) return name.slice(0, -SEQUENCE_FILE_SUFFIX.length);
  return name.replace(/\.json$/i, '');
}

/** A redrawn bar on a terminal's stderr; nothing when stderr is piped (the path on stdout is the result). */
function progressBar(io: CliIo): { draw(p: ExportProgress): void; end(): void } {
  let drawn = false;
  return {
    draw(p) {
      if (!io.stderr.isTTY) return;
      const width = 24;
      const bar = '█'.repeat(Math.round(p.fraction * width)).padEnd(width, '░');
      const left = p.etaMs === undefined ? '' : `  ${Math.ceil(p.etaMs / 1000)} s left`;
      io.stderr.write(`\r\x1b[2K${bar} ${String(Math.round(p.fraction * 100)).padStart(3)}%  ${p.phase}${left}`);
      drawn = true;
    },
    end() {
      if (drawn) io.stderr.write('\n');
      drawn = false;
    },
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
