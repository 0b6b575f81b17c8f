import type { Api } from '../../../../shared/ipc/channels';
import type { ExportDoneView, ExportPlanView } from '../../../../shared/ipc/sequence-views';
import { bytesToBase64 } from './base64';
import { reencodeSequence } from './reencode-sequence';

/**
 * Exports a saved sequence, whichever way it has to go: main joins the clips
 * as they are when it can (its progress comes as events); otherwise this page
 * re-encodes them and hands the file to main piece by piece, and main checks
 * it, names it and writes its record. Cancelling stops either, and nothing is
 * left behind.
 */

export interface ExportProgress {
  method: ExportPlanView['method'];
  fraction: number;
  etaMs?: number;
}

export interface RunExportOptions {
  signal?: AbortSignal;
  onPlan?(plan: ExportPlanView): void;
  onProgress?(progress: ExportProgress): void;
  /** The exported file's name in the sequence's folder (default `<name>.mp4`, never over a file). */
  fileName?: string;
}

type ExportApi = Pick<Api, 'sequence' | 'app'>;

export async function runSequenceExport(api: ExportApi, name: string, opts: RunExportOptions = {}): Promise<ExportDoneView> {
  const plan = await api.sequence.plan({ name });
  opts.onPlan?.(plan);
  try {
    return plan.method === 'copy' ? await copyInMain(api, plan, opts) : await reencodeHere(api, plan, opts);
  } catch (err) {
    // The export id may already be spent (finished or failed in main): a refused cancel says nothing more.
    await api.sequence.cancel({ exportId: plan.exportId }).catch(() => undefined);
    throw err;
  }
}

function copyInMain(api: ExportApi, plan: ExportPlanView, opts: RunExportOptions): Promise<ExportDoneView> {
  return new Promise<ExportDoneView>((resolve, reject) => {
    const off = api.sequence.onExportProgress((batch) => {
      for (const p of batch) {
        if (p.exportId !== plan.exportId) continue;
        if (p.done) finish(() => resolve(p.done as ExportDoneView));
        else if (p.error) finish(() => reject(Object.assign(new Error(p.error?.message ?? 'The export failed.'), { app: p.error })));
        else opts.onProgress?.({ method: 'copy', fraction: p.fraction, ...(p.etaMs === undefined ? {} : { etaMs: p.etaMs }) });
      }
    });
    const onAbort = () => finish(() => reject(opts.signal?.reason ?? new DOMException('Aborted', 'AbortError')));
    const finish = (settle: () => void) => {
      off();
      opts.signal?.removeEventListener('abort', onAbort);
      settle();
    };
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    api.sequence.export({ exportId: plan.exportId, ...(opts.fileName ? { fileName: opts.fileName } : {}) }).catch((err: unknown) => finish(() => reject(err)));
  });
}

async function reencodeHere(api: ExportApi, plan: ExportPlanView, opts: RunExportOptions): Promise<ExportDoneView> {
  const { version } = await api.app.version({});
  await reencodeSequence({
    plan,
    write: async (position, bytes) => {
      await api.sequence.writeChunk({ exportId: plan.exportId, position, dataBase64: bytesToBase64(bytes) });
    },
    tags: {
      comment: JSON.stringify({ keyframe: 1, kind: 'export', appVersion: version, sources: plan.clips.map((c) => ({ file: c.file, in: c.in, out: c.out })) }),
      raw: { '\u00a9too': `Keyframe ${version}` },
    },
    ...(opts.signal ? { signal: opts.signal } : {}),
    onProgress: (fraction, etaMs) => opts.onProgress?.({ method: 'reencode', fraction, ...(etaMs === undefined ? {} : { etaMs }) }),
  });
  return api.sequence.finish({ exportId: plan.exportId, ...(opts.fileName ? { fileName: opts.fileName } : {}) });
}
