import { basename, dirname, relative, sep } from 'node:path';
import type { MetadataTags } from 'mediabunny';
import { appFailure, errorMessage, withNote } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { EXPORT_SIDECAR_SCHEMA, type ExportSidecar, type SequenceDocument } from '../../../shared/domain/sequence.js';
import { fsyncDir } from '../util/atomic-write.js';
import { fsFailure } from '../util/fs-errors.js';
import { measureFile, pathExists, renameNoReplace, unlinkIfExists } from '../library/part-files.js';
import type { Clock } from '../ports.js';
import { hashFile, resolveClipFile } from './clip-files.js';
import { openClip, type OpenClip } from './clip-probe.js';
import { writePacketCopy } from './export-copy.js';
import { clampTrim, planExport, type ExportPlan } from './export-plan.js';
import { ProgressClock, type ExportProgress } from './export-progress.js';
import { writeExportSidecar } from './export-sidecar.js';
import { generationOf } from './source-generation.js';

/**
 * Exports a sequence as one MP4 beside a record of how it was made. The
 * packet copy runs here (main, browser host, CLI); a sequence that needs a
 * re-encode is refused with the reason, and the app's page re-encodes it with
 * WebCodecs and hands the bytes back (see finishExport).
 */

export interface PreparedExport {
  clips: OpenClip[];
  plan: ExportPlan;
  close(): void;
}

/** Opens every clip (paths checked against the folder) and plans the export; the caller closes. */
export async function prepareExport(folder: string, document: SequenceDocument, signal?: AbortSignal): Promise<PreparedExport> {
  if (document.clips.length === 0) throw appFailure('invalid_request', errorMessage('sequence.empty'), { retryable: false });
  const clips: OpenClip[] = [];
  const close = () => {
    for (const c of clips) c.input.dispose();
  };
  try {
    for (const [i, clip] of document.clips.entries()) {
      signal?.throwIfAborted();
      clips.push(await openClip(await resolveClipFile(folder, clip.file, i + 1), signal));
    }
    const plan = planExport(
      clips.map((c, i) => {
        const clip = document.clips[i] as SequenceDocument['clips'][number];
        return { streams: c.streams, trim: clampTrim({ in: clip.in, out: clip.out }, c.streams.durationS, i + 1, clip.file) };
      }),
    );
    return { clips, plan, close };
  } catch (err) {
    close();
    throw err;
  }
}

export interface ExportOptions {
  /** The sequence file (its folder is where clip paths start). */
  sequencePath: string;
  document: SequenceDocument;
  /** sha256 of the sequence file's bytes as read. */
  sequenceSha256: string;
  /** The MP4 to write; never overwritten. */
  out: string;
  clock: Clock;
  appVersion: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult {
  path: string;
  sidecarName: string;
  bytes: number;
  sha256: string;
  durationS: number;
  method: 'copy' | 'reencode';
}

/** The failure for a sequence this process cannot join: the first reason, with what to do about it. */
export function needsReencodeFailure(plan: Extract<ExportPlan, { method: 'reencode' }>): AppFailure {
  const reason = plan.reasons[0] ?? errorMessage('sequence.needs_app');
  return new AppFailure(withNote(appFailure('unsupported_media', reason, { retryable: false }).app, errorMessage('sequence.needs_app')));
}

export async function exportSequence(opts: ExportOptions): Promise<ExportResult> {
  checkOutName(opts.out);
  if (await pathExists(opts.out)) throw existsFailure(opts.out);
  const progress = new ProgressClock(opts.clock);
  opts.onProgress?.(progress.at('reading', 0));
  const folder = dirname(opts.sequencePath);
  const prepared = await prepareExport(folder, opts.document, opts.signal);
  const part = `${opts.out}.part`;
  try {
    const { plan, clips } = prepared;
    if (plan.method !== 'copy') throw needsReencodeFailure(plan);
    const sources = await sourcesOf(opts.document, clips.map((c) => c.path), plan, opts.signal);
    try {
      await writePacketCopy({
        plan,
        clips,
        target: part,
        tags: exportTags(opts, sources),
        ...(opts.signal ? { signal: opts.signal } : {}),
        onPackets: (done, total) => opts.onProgress?.(progress.at('writing', done / total)),
      });
    } catch (err) {
      await unlinkIfExists(part).catch(() => undefined);
      if (opts.signal?.aborted) throw appFailure('cancelled', errorMessage('export.cancelled'), { retryable: true });
      throw fsFailure(err, errorMessage('export.write_failed'), 'output');
    }
    opts.onProgress?.(progress.at('finishing', 1));
    return await finishExport({ ...opts, part, method: 'copy', durationS: plan.durationS, sources });
  } finally {
    prepared.close();
  }
}

export interface FinishOptions {
  sequencePath: string;
  document: SequenceDocument;
  sequenceSha256: string;
  out: string;
  /** The finished bytes, renamed to `out` only now (never over an existing file). */
  part: string;
  method: 'copy' | 'reencode';
  durationS: number;
  sources: ExportSidecar['sources'];
  clock: Clock;
  appVersion: string;
}

/** Puts a finished export in place and writes its record beside it. */
export async function finishExport(opts: FinishOptions): Promise<ExportResult> {
  const outDir = dirname(opts.out);
  let measured: { bytes: number; sha256: string };
  try {
    measured = await measureFile(opts.part);
    await renameNoReplace(opts.part, opts.out);
    await fsyncDir(outDir);
  } catch (err) {
    if (await pathExists(opts.out).catch(() => false)) {
      await unlinkIfExists(opts.part).catch(() => undefined);
      throw existsFailure(opts.out);
    }
    throw fsFailure(err, errorMessage('export.write_failed'), 'output');
  }
  const sidecar: ExportSidecar = {
    schema: EXPORT_SIDECAR_SCHEMA,
    file: basename(opts.out),
    bytes: measured.bytes,
    sha256: measured.sha256,
    durationS: round6(opts.durationS),
    method: opts.method,
    createdAt: opts.clock.now(),
    appVersion: opts.appVersion,
    sequence: {
      file: portable(relative(outDir, opts.sequencePath)),
      ...(opts.document.title === undefined ? {} : { title: opts.document.title }),
      sha256: opts.sequenceSha256,
    },
    sources: opts.sources.map((s) => ({ ...s, file: portable(relative(outDir, `${dirname(opts.sequencePath)}${sep}${s.file}`)) })),
  };
  let sidecarName: string;
  try {
    sidecarName = await writeExportSidecar(outDir, sidecar);
  } catch (err) {
    throw fsFailure(err, errorMessage('export.write_failed'), 'output');
  }
  return { path: opts.out, sidecarName, bytes: measured.bytes, sha256: measured.sha256, durationS: round6(opts.durationS), method: opts.method };
}

/** Each clip as used: its path relative to the sequence's folder, the trim, its size and hash. */
export async function sourcesOf(document: SequenceDocument, paths: readonly string[], plan: ExportPlan, signal?: AbortSignal): Promise<ExportSidecar['sources']> {
  const out: ExportSidecar['sources'] = [];
  for (const [i, path] of paths.entries()) {
    const doc = document.clips[i] as SequenceDocument['clips'][number];
    const trim = plan.method === 'copy' ? copiedTrim(plan, i) : (plan.trims[i] as { in: number; out: number });
    const generation = await generationOf(path);
    out.push({ file: doc.file, in: trim.in, out: trim.out, ...(doc.title === undefined ? {} : { title: doc.title }), ...(await hashFile(path, signal)), ...(generation ? { generation } : {}) });
  }
  return out;
}

/** The source span a packet-copied clip actually shows (its trim on the frame grid). */
function copiedTrim(plan: Extract<ExportPlan, { method: 'copy' }>, i: number): { in: number; out: number } {
  const cut = plan.cuts[i];
  if (!cut) return { in: 0, out: 0 };
  return { in: round6(cut.firstShownS), out: round6(cut.firstShownS + cut.frames * plan.frameDurationS) };
}

/** The MP4's own title and comment say where it came from, for a copy sent on without its record. */
export function exportTags(opts: { document: SequenceDocument; appVersion: string }, sources: ExportSidecar['sources']): MetadataTags {
  const comment = JSON.stringify({
    keyframe: 1,
    kind: 'export',
    appVersion: opts.appVersion,
    sources: sources.map((s) => ({ file: s.file, in: s.in, out: s.out, sha256: s.sha256, ...(s.generation ? { taskId: s.generation.taskId } : {}) })),
  });
  return {
    ...(opts.document.title === undefined ? {} : { title: opts.document.title }),
    comment,
    raw: { '©too': `Keyframe ${opts.appVersion}` },
  };
}

function checkOutName(out: string): void {
  if (!/\.mp4$/i.test(out)) throw appFailure('invalid_request', errorMessage('export.not_mp4'), { retryable: false });
}

function existsFailure(out: string): AppFailure {
  return appFailure('invalid_request', errorMessage('export.exists', { name: basename(out) }), { retryable: false });
}

/** Records use `/` whatever the system, so a record written on Windows reads the same elsewhere. */
const portable = (path: string): string => path.split(sep).join('/');
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

