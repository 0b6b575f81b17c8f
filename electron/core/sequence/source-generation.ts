import { basename, dirname, join } from 'node:path';
import { SourceGenerationSchema, type SourceGeneration } from '../../../shared/domain/sequence.js';
import { sidecarNameFor } from '../library/file-naming.js';
import { readMp4Provenance } from '../library/mp4-provenance.js';
import { readSidecar } from '../library/sidecar.js';

/**
 * How a source clip was generated, for the export's record: from its sidecar
 * when it has one that describes this file, else from the provenance written
 * into the MP4 itself on download (a take copied without its sidecar, or one
 * whose sidecar was lost). Undefined for a clip Keyframe did not make.
 * Never throws: the record is a courtesy, the export does not depend on it.
 */
export async function generationOf(videoPath: string): Promise<SourceGeneration | undefined> {
  const found = await read(videoPath);
  // Whatever a file's metadata holds must never make the export's record fail its own check.
  const checked = found === undefined ? undefined : SourceGenerationSchema.safeParse(found);
  return checked?.success ? checked.data : undefined;
}

async function read(videoPath: string): Promise<SourceGeneration | undefined> {
  try {
    const sidecar = await readSidecar(join(dirname(videoPath), sidecarNameFor(basename(videoPath))));
    // A sidecar of the same stem that names another file (a renamed copy) is not this clip's.
    if (sidecar.file === basename(videoPath)) {
      const seed = sidecar.seed ?? sidecar.request.seed;
      return { from: 'sidecar', prompt: sidecar.request.prompt, model: sidecar.model, taskId: sidecar.taskId, ...(seed === undefined ? {} : { seed }) };
    }
  } catch {
    // No readable sidecar: the file may still say where it came from.
  }
  try {
    const p = await readMp4Provenance(videoPath);
    return p ? { from: 'mp4', prompt: p.prompt, model: p.model, taskId: p.taskId, ...(p.seed === undefined ? {} : { seed: p.seed }) } : undefined;
  } catch {
    return undefined;
  }
}
