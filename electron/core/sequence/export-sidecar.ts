import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { describeIssues } from '../../../shared/domain/generation.js';
import { EXPORT_SIDECAR_SUFFIX, ExportSidecarSchema, type ExportSidecar } from '../../../shared/domain/sequence.js';
import { writeJsonAtomic } from '../util/atomic-write.js';
import { errnoCode } from '../util/fs-errors.js';

/**
 * `<export>.keyframe-export.json` beside an exported MP4: the sequence it
 * came from and its sources with their trims. A kind of its own (schema
 * `keyframe.export/1`, its own suffix), so the library's reading of video
 * sidecars (`*.keyframe.json`) is untouched by it.
 */

const EXPORT_SIDECAR_MAX_BYTES = 1024 * 1024;
const FILE_MODE = { mode: 0o644 };

/** `scene.mp4` → `scene.keyframe-export.json`. */
export function exportSidecarNameFor(videoFileName: string): string {
  return `${videoFileName.replace(/\.mp4$/i, '')}${EXPORT_SIDECAR_SUFFIX}`;
}

export async function writeExportSidecar(dir: string, sidecar: ExportSidecar): Promise<string> {
  const checked = ExportSidecarSchema.safeParse(sidecar);
  if (!checked.success) {
    throw appFailure('internal', errorMessage('record.invalid_save'), { detail: describeIssues(checked.error).join('\n') });
  }
  const name = exportSidecarNameFor(sidecar.file);
  await writeJsonAtomic(join(dir, name), sidecar, FILE_MODE);
  return name;
}

/** An export record, or undefined when the file is not one (damaged, too large, another kind). */
export async function readExportSidecar(path: string): Promise<ExportSidecar | undefined> {
  try {
    const fh = await open(path, 'r');
    try {
      if ((await fh.stat()).size > EXPORT_SIDECAR_MAX_BYTES) return undefined;
      const parsed = ExportSidecarSchema.safeParse(JSON.parse(await fh.readFile('utf8')));
      return parsed.success ? parsed.data : undefined;
    } finally {
      await fh.close();
    }
  } catch {
    return undefined;
  }
}

export interface ListedExport {
  dir: string;
  sidecarName: string;
  sidecar: ExportSidecar;
}

/** The export records at the top of each folder, for a library listing exports beside its videos. */
export async function listExports(dirs: readonly string[]): Promise<ListedExport[]> {
  const out: ListedExport[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch((err: unknown) => {
      if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return [] as string[];
      throw err;
    });
    for (const name of names.sort()) {
      if (!name.endsWith(EXPORT_SIDECAR_SUFFIX) || name.startsWith('.')) continue;
      const sidecar = await readExportSidecar(join(dir, name));
      if (sidecar) out.push({ dir, sidecarName: name, sidecar });
    }
  }
  return out;
}
