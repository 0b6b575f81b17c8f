import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lineage, ShotRef } from '../../../shared/domain/shot.js';

/**
 * Gives videos of a written library fixture (writeLibrary: clip-00000 is
 * `lib00000-0`…) a family, as sidecars record it: the video a clip
 * continues, and the shot it is a take of.
 */
export function setFamily(outDir: string, n: number, family: { lineage?: Lineage; shot?: ShotRef; prompt?: string }): void {
  const file = join(outDir, `clip-${String(n).padStart(5, '0')}.keyframe.json`);
  const sidecar = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { request: Record<string, unknown> };
  if (family.lineage) sidecar.lineage = family.lineage;
  if (family.shot) sidecar.shot = family.shot;
  if (family.prompt) sidecar.request = { ...sidecar.request, prompt: family.prompt };
  writeFileSync(file, JSON.stringify(sidecar));
}

export const fixtureId = (n: number): string => `lib${String(n).padStart(5, '0')}-0`;
