import { randomBytes } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { isAppFailure, type AppError } from '../../shared/errors.js';
import { EXPORT_UPLOAD_MAX_BYTES, type ExportDoneView, type ExportPlanView, type ExportProgressView } from '../../shared/ipc/sequence-views.js';
import { pathExists, unlinkIfExists } from '../core/library/part-files.js';
import type { Clock, Logger } from '../core/ports.js';
import { checkExportedFile } from '../core/sequence/check-export.js';
import { frameDurationOf, type ExportPlan } from '../core/sequence/export-plan.js';
import { exportSequence, finishExport, prepareExport, sourcesOf, type ExportResult } from '../core/sequence/run-export.js';
import type { StoredSequence } from '../core/sequence/sequence-file.js';
import { fsFailure } from '../core/util/fs-errors.js';
import type { MediaFile } from './types.js';

/**
 * Exports the services are running or waiting on. `plan` opens a sequence's
 * clips once and keeps what it found under an export id: a `copy` export then
 * runs here with progress events; a `reencode` export is made by the page,
 * which reads the clips through `clip` media ids (only the clips of a planned
 * export, never a path) and writes its file back in pieces. Finished,
 * cancelled or stale exports are forgotten and their partial files removed.
 */

interface PlannedExport {
  id: string;
  name: string;
  folder: string;
  stored: StoredSequence;
  clipPaths: string[];
  plan: ExportPlan;
  /** When it was planned or last written to. */
  usedAt: number;
  running?: AbortController;
  upload?: { part: string; fh: FileHandle; end: number };
}

/** Plans kept at once; the oldest idle one goes first. */
const PLANS_MAX = 8;
/** A plan nobody ran or wrote to for this long is forgotten (its clips may have changed since). */
const PLAN_TTL_MS = 60 * 60 * 1000;

export interface SequenceExportsOptions {
  clock: Clock;
  logger: Logger;
  appVersion: string;
  mediaUrl: (id: string) => string;
}

export class SequenceExports {
  private readonly plans = new Map<string, PlannedExport>();
  private readonly listeners = new Set<(p: ExportProgressView) => void>();

  constructor(private readonly opts: SequenceExportsOptions) {}

  onProgress(cb: (p: ExportProgressView) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  async plan(folder: string, stored: StoredSequence): Promise<ExportPlanView> {
    await this.sweep();
    const prepared = await prepareExport(folder, stored.document);
    prepared.close();
    const id = `exp${randomBytes(12).toString('hex')}`;
    this.plans.set(id, { id, name: stored.name, folder, stored, clipPaths: prepared.clips.map((c) => c.path), plan: prepared.plan, usedAt: this.opts.clock.now() });
    const first = prepared.clips[0];
    const trims = prepared.plan.method === 'reencode' ? prepared.plan.trims : prepared.plan.cuts.map((c) => ({ in: c.firstShownS, out: c.firstShownS + c.frames * (prepared.plan as Extract<ExportPlan, { method: 'copy' }>).frameDurationS }));
    return {
      exportId: id,
      method: prepared.plan.method,
      durationS: round6(prepared.plan.durationS),
      reasons: prepared.plan.method === 'reencode' ? prepared.plan.reasons.map((r) => ({ key: r.key, ...(r.params ? { params: r.params } : {}), message: r.message })) : [],
      clips: stored.document.clips.map((c, i) => ({
        file: c.file,
        ...(c.title === undefined ? {} : { title: c.title }),
        in: round6(trims[i]?.in ?? 0),
        out: round6(trims[i]?.out ?? 0),
        mediaUrl: this.opts.mediaUrl(`${id}_${i}`),
      })),
      target: {
        width: first?.videoTrack.displayWidth ?? 0,
        height: first?.videoTrack.displayHeight ?? 0,
        frameRate: first ? Math.round(1000 / frameDurationOf(first.streams.video.packets)) / 1000 : 24,
        ...(first?.streams.audio ? { sampleRate: first.streams.audio.sampleRate, channels: first.streams.audio.channels } : {}),
      },
    };
  }

  /** Starts a planned packet copy; returns at once with the file name it writes. */
  async startCopy(id: string, fileName: string | undefined): Promise<{ exportId: string; fileName: string }> {
    const p = this.take(id);
    if (p.plan.method !== 'copy') throw appFailure('invalid_request', p.plan.reasons[0] ?? errorMessage('sequence.needs_app'), { retryable: false });
    if (p.running || p.upload) throw appFailure('invalid_request', errorMessage('export.running'), { retryable: false });
    const out = await this.outPath(p, fileName);
    const controller = new AbortController();
    p.running = controller;
    void exportSequence({
      sequencePath: p.stored.path,
      document: p.stored.document,
      sequenceSha256: p.stored.revision,
      out,
      clock: this.opts.clock,
      appVersion: this.opts.appVersion,
      signal: controller.signal,
      onProgress: (progress) => this.emit({ exportId: id, ...progress }),
    }).then(
      (result) => this.emitDone(id, result),
      (err: unknown) => this.emitFailed(id, err),
    );
    return { exportId: id, fileName: basename(out) };
  }

  /** Writes a piece of the page's re-encoded file at `position`; returns the file's length so far. */
  async writeChunk(id: string, position: number, data: Uint8Array): Promise<number> {
    const p = this.take(id);
    if (p.running) throw appFailure('invalid_request', errorMessage('export.upload_order'), { retryable: false });
    if (position + data.length > EXPORT_UPLOAD_MAX_BYTES) {
      throw appFailure('too_large', errorMessage('export.upload_too_large', { max: `${EXPORT_UPLOAD_MAX_BYTES / 1024 ** 3} GB` }), { retryable: false });
    }
    p.usedAt = this.opts.clock.now();
    try {
      if (!p.upload) {
        const part = join(p.folder, `.${id}.mp4.part`);
        p.upload = { part, fh: await open(part, 'w', 0o644), end: 0 };
      }
      await p.upload.fh.write(data, 0, data.length, position);
      p.upload.end = Math.max(p.upload.end, position + data.length);
      return p.upload.end;
    } catch (err) {
      throw fsFailure(err, errorMessage('export.write_failed'), 'output');
    }
  }

  /** Checks the page's finished file and puts it in place with its record. */
  async finish(id: string, fileName: string | undefined): Promise<ExportDoneView> {
    const p = this.take(id);
    const upload = p.upload;
    if (!upload || p.running) throw appFailure('invalid_request', errorMessage('export.no_such_upload'), { retryable: false });
    p.running = new AbortController();
    try {
      await upload.fh.sync();
      await upload.fh.close();
      const durationS = await checkExportedFile(upload.part, p.plan.durationS);
      const result = await finishExport({
        sequencePath: p.stored.path,
        document: p.stored.document,
        sequenceSha256: p.stored.revision,
        out: await this.outPath(p, fileName),
        part: upload.part,
        method: 'reencode',
        durationS,
        sources: await sourcesOf(p.stored.document, p.clipPaths, p.plan),
        clock: this.opts.clock,
        appVersion: this.opts.appVersion,
      });
      const done = doneView(result);
      this.emit({ exportId: id, phase: 'done', fraction: 1, done });
      return done;
    } finally {
      await this.forget(id);
    }
  }

  async cancel(id: string): Promise<void> {
    const p = this.plans.get(id);
    if (!p) throw appFailure('not_found', errorMessage('export.no_such_upload'), { retryable: false });
    p.running?.abort();
    if (!p.running || p.upload) await this.forget(id);
  }

  /** The file behind a `clip` media id, only while its export is planned or running. */
  async clipFile(mediaId: string): Promise<MediaFile | undefined> {
    const m = /^(exp[0-9a-f]{24})_(\d{1,3})$/.exec(mediaId);
    const path = m ? this.plans.get(m[1] as string)?.clipPaths[Number(m[2])] : undefined;
    if (!path) return undefined;
    const st = await stat(path).catch(() => undefined);
    return st?.isFile() ? { path, size: st.size, mime: 'video/mp4' } : undefined;
  }

  async close(): Promise<void> {
    // Nobody listens any more: the stopped exports' last words go nowhere.
    this.listeners.clear();
    for (const id of [...this.plans.keys()]) {
      this.plans.get(id)?.running?.abort();
      await this.forget(id);
    }
  }

  private take(id: string): PlannedExport {
    const p = this.plans.get(id);
    if (!p) throw appFailure('not_found', errorMessage('export.no_such_upload'), { retryable: false });
    return p;
  }

  /** The export's path in the sequence's folder: the name asked for (never over a file), else `<name>.mp4`, `<name> (2).mp4`… */
  private async outPath(p: PlannedExport, fileName: string | undefined): Promise<string> {
    if (fileName !== undefined) {
      const path = join(p.folder, fileName);
      if (await pathExists(path)) throw appFailure('invalid_request', errorMessage('export.exists', { name: fileName }), { retryable: false });
      return path;
    }
    for (let n = 1; n < 1000; n++) {
      const path = join(p.folder, n === 1 ? `${p.name}.mp4` : `${p.name} (${n}).mp4`);
      if (!(await pathExists(path))) return path;
    }
    throw appFailure('invalid_request', errorMessage('export.exists', { name: `${p.name}.mp4` }), { retryable: false });
  }

  private async forget(id: string): Promise<void> {
    const p = this.plans.get(id);
    if (!p) return;
    this.plans.delete(id);
    if (p.upload) {
      await p.upload.fh.close().catch(() => undefined);
      await unlinkIfExists(p.upload.part).catch(() => undefined);
    }
  }

  /** Drops idle plans unused for an hour, and the least recently used idle ones while there is no room for another. */
  private async sweep(): Promise<void> {
    const now = this.opts.clock.now();
    const idle = [...this.plans.values()].filter((p) => !p.running).sort((a, b) => a.usedAt - b.usedAt);
    for (const p of idle) {
      if (now - p.usedAt > PLAN_TTL_MS || this.plans.size >= PLANS_MAX) await this.forget(p.id);
    }
  }

  private emit(p: ExportProgressView): void {
    for (const cb of this.listeners) {
      try {
        cb(p);
      } catch (err) {
        this.opts.logger.log('error', 'export progress listener threw', { error: err });
      }
    }
  }

  private emitDone(id: string, result: ExportResult): void {
    this.emit({ exportId: id, phase: 'done', fraction: 1, done: doneView(result) });
    void this.forget(id);
  }

  private emitFailed(id: string, err: unknown): void {
    const error: AppError = isAppFailure(err) ? err.app : { code: 'internal', key: 'internal', message: errorMessage('internal').message };
    if (!isAppFailure(err)) this.opts.logger.log('error', 'export failed', { error: err });
    this.emit({ exportId: id, phase: 'failed', fraction: 0, error });
    void this.forget(id);
  }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function doneView(result: ExportResult): ExportDoneView {
  return { fileName: basename(result.path), sidecarName: result.sidecarName, method: result.method, bytes: result.bytes, durationS: round6(result.durationS) };
}

