import type { BareVideoEntry } from '../../../shared/domain/bare-video.js';
import { isBareEntry, type LibrarySidecar, type SidecarEntry } from '../../../shared/domain/video.js';
import type { CacheRecord } from './library-cache.js';
import { sharedRequest, type StringPool } from './library-sidecar.js';

/**
 * The cache's records as rows: one JSON array per record, its fields in a
 * fixed order, the folders written once. Keys repeated 100,000 times are most
 * of an object-per-record file; without them the file is about half as long,
 * and half as long to read and parse at every start.
 *
 * A sidecar's row: stamp (mtimeMs, size, ino), folder index, sidecar name,
 * video missing (0/1), then the kept sidecar fields in SIDECAR_FIELDS order.
 * A bare video's row: stamp, folder index, and its entry less its folder.
 */

type Json = unknown;
export type CacheRow = Json[];

const SIDECAR_FIELDS = [
  'id',
  'jobId',
  'index',
  'file',
  'bytes',
  'provider',
  'model',
  'request',
  'taskId',
  'requestIds',
  'seed',
  'frames',
  'cost',
  'createdAt',
  'completedAt',
  'favorite',
  'tags',
  'lineage',
  'batch',
  'shot',
  'submittedAt',
] as const;
/** Where the sidecar's own fields start in its row. */
const FIELDS_AT = 6;
const SIDECAR_ROW_LENGTH = FIELDS_AT + SIDECAR_FIELDS.length;
/** Each kept field's place in a sidecar's row. */
const AT = Object.fromEntries(SIDECAR_FIELDS.map((name, i) => [name, FIELDS_AT + i])) as Record<(typeof SIDECAR_FIELDS)[number], number>;
const BARE_ROW_LENGTH = 5;

/** The folders, and each record's row as its JSON text (the rows themselves are never all held at once). */
export function encodeRows(records: Iterable<CacheRecord>): { dirs: string[]; rows: string[] } {
  const dirs: string[] = [];
  const dirIndex = new Map<string, number>();
  const indexOf = (dir: string): number => {
    let at = dirIndex.get(dir);
    if (at === undefined) {
      at = dirs.length;
      dirs.push(dir);
      dirIndex.set(dir, at);
    }
    return at;
  };
  const rows: string[] = [];
  for (const r of records) {
    const e = r.entry;
    const stamp = [r.mtimeMs, r.size, r.ino, indexOf(e.dir)];
    if (isBareEntry(e)) {
      const { dir: _dir, ...rest } = e;
      rows.push(JSON.stringify([...stamp, rest]));
      continue;
    }
    const s = e.sidecar;
    // JSON writes an undefined array element as null: read back as undefined.
    rows.push(
      JSON.stringify([
      ...stamp,
      e.sidecarName,
      e.videoMissing ? 1 : 0,
      s.id,
      s.jobId,
      s.index,
      s.file,
      s.bytes,
      s.provider,
      s.model,
      s.request,
      s.taskId,
      s.requestIds,
      s.seed,
      s.frames,
      s.cost,
      s.timings.createdAt,
      s.timings.completedAt,
      s.user.favorite ? 1 : 0,
      s.user.tags,
      s.lineage,
      s.batch,
      s.shot,
      s.timings.submittedAt,
      ]),
    );
  }
  return { dirs, rows };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';
const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** The shape every reader of an entry relies on; the checksum already vouches for the rest. */
function sidecarRowShaped(row: CacheRow): boolean {
  const request = row[AT.request];
  return (
    row.length === SIDECAR_ROW_LENGTH &&
    isString(row[4]) &&
    isString(row[AT.id]) &&
    isString(row[AT.jobId]) &&
    isNumber(row[AT.index]) &&
    isString(row[AT.file]) &&
    isString(row[AT.model]) &&
    isObject(request) &&
    isString(request.prompt) &&
    Array.isArray(row[AT.requestIds]) &&
    Array.isArray(row[AT.frames]) &&
    isObject(row[AT.cost]) &&
    isNumber(row[AT.createdAt]) &&
    Array.isArray(row[AT.tags])
  );
}

function decodeSidecar(row: CacheRow, dir: string, pool: StringPool): SidecarEntry {
  const v = (name: (typeof SIDECAR_FIELDS)[number]): never => row[AT[name]] as never;
  const sidecar: LibrarySidecar = {
    id: v('id'),
    jobId: v('jobId'),
    index: v('index'),
    file: v('file'),
    bytes: v('bytes'),
    provider: pool.share(v('provider')),
    model: pool.share(v('model')),
    request: sharedRequest(v('request'), pool),
    taskId: v('taskId'),
    requestIds: v('requestIds'),
    seed: orUndefined(v('seed')),
    frames: v('frames'),
    cost: v('cost'),
    timings: { createdAt: v('createdAt'), submittedAt: orUndefined(v('submittedAt')), completedAt: orUndefined(v('completedAt')) },
    lineage: orUndefined(v('lineage')),
    batch: orUndefined(v('batch')),
    shot: orUndefined(v('shot')),
    user: { favorite: v('favorite') === 1, tags: v('tags') },
  };
  return { id: sidecar.id, dir, sidecarName: row[4] as string, videoMissing: row[5] === 1, sidecar };
}

function bareRowShaped(row: CacheRow): boolean {
  const e = row[4];
  return row.length === BARE_ROW_LENGTH && isObject(e) && e.kind === 'bare' && isString(e.id) && isString(e.fileName) && isObject(e.container);
}

export const isFolderList = (dirs: unknown): dirs is string[] => Array.isArray(dirs) && dirs.every(isString);

/** One record, or undefined when the row is not one this version writes. */
export function decodeRow(row: unknown, dirs: readonly string[], pool: StringPool): CacheRecord | undefined {
  if (!Array.isArray(row) || !isNumber(row[0]) || !isNumber(row[1]) || !isNumber(row[2])) return undefined;
  const dir = dirs[row[3] as number];
  if (!isString(dir)) return undefined;
  // A folder's one copy, shared with entries read later from its files.
  const folder = pool.share(dir);
  let entry: SidecarEntry | BareVideoEntry;
  if (sidecarRowShaped(row)) entry = decodeSidecar(row, folder, pool);
  else if (bareRowShaped(row)) entry = { ...(row[4] as Omit<BareVideoEntry, 'dir'>), dir: folder };
  else return undefined;
  return { mtimeMs: row[0], size: row[1], ino: row[2], entry };
}
