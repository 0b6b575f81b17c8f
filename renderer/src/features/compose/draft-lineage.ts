import type { z } from 'zod';
import type { IpcLineageSchema } from '../../../../shared/ipc/request-schemas.js';
import type { ComposeFrame, Draft } from './draft';
import type { IpcRequest } from './request';

/**
 * A continuation's lineage on the draft. It names the video the draft's first
 * frame was grabbed from, so it holds only while that frame is the first frame:
 * a replaced, swapped or removed first frame makes the draft something else,
 * and a job sent with a lineage it no longer has would claim a parent it does
 * not continue. The lineage travels beside the request in the submit, never in
 * it (the request is what the provider is sent).
 */

export type DraftLineage = z.output<typeof IpcLineageSchema>;

/** What jobs:submit is given: the request, and beside it the lineage and the person's "queue it again". */
export interface SubmitInput {
  request: IpcRequest;
  lineage?: DraftLineage;
  confirmDuplicate?: boolean;
}

const sameFrame = (a: ComposeFrame | undefined, b: ComposeFrame | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a.ref) === JSON.stringify(b.ref));

/** The patch as the draft takes it: one that changes the first frame (without naming a lineage of its own) also drops the lineage. */
export function withLineageRule(current: Pick<Draft, 'first' | 'lineage'>, patch: Partial<Draft>): Partial<Draft> {
  if ('lineage' in patch || !('first' in patch) || current.lineage === undefined) return patch;
  return sameFrame(current.first, patch.first) ? patch : { ...patch, lineage: undefined };
}

export function submitInput(request: IpcRequest, lineage: DraftLineage | undefined, confirmDuplicate: boolean): SubmitInput {
  return { request, ...(lineage ? { lineage } : {}), ...(confirmDuplicate ? { confirmDuplicate } : {}) };
}
