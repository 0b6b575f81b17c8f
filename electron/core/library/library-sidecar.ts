import type { FullSidecarEntry, LibrarySidecar, SidecarEntry, VideoSidecar } from '../../../shared/domain/video.js';

/**
 * A sidecar as the library keeps it in memory (LibrarySidecar), and the
 * sharing of the few texts that every take repeats. JSON.parse makes a new
 * string for every value it reads: 100,000 takes carry 100,000 copies of
 * their folder, model and provider names unless they are shared.
 */

/** At most this many distinct texts are shared; past it a text is kept as it came (the pool never grows without bound). */
const POOL_MAX = 4096;

export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The shared copy of a text that many entries repeat (a folder, a model name, a setting's value). */
  share<T extends string | undefined>(s: T): T {
    if (s === undefined) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known as T;
    if (this.strings.size < POOL_MAX) this.strings.set(s, s);
    return s;
  }
}

/** The request's settings with its repeated texts shared (the prompt, its own, is kept as it is). */
export function sharedRequest(r: LibrarySidecar['request'], pool: StringPool): LibrarySidecar['request'] {
  r.model = pool.share(r.model);
  r.aspect_ratio = pool.share(r.aspect_ratio);
  r.resolution = pool.share(r.resolution);
  r.person_generation = pool.share(r.person_generation);
  if (r.negative_prompt !== undefined) r.negative_prompt = pool.share(r.negative_prompt);
  return r;
}

/**
 * What the library keeps of a sidecar, built field by field so nothing else
 * of the parsed file stays reachable. The request object is reused: it is
 * kept whole, and was made by the same parse.
 */
export function leanSidecar(s: VideoSidecar | LibrarySidecar, pool: StringPool): LibrarySidecar {
  return {
    id: s.id,
    jobId: s.jobId,
    index: s.index,
    file: s.file,
    bytes: s.bytes,
    provider: pool.share(s.provider),
    model: pool.share(s.model),
    request: sharedRequest(s.request, pool),
    taskId: s.taskId,
    requestIds: s.requestIds,
    seed: s.seed,
    frames: s.frames.map((f) => ({ role: f.role, path: f.path, sourceUrl: f.sourceUrl })),
    cost: s.cost,
    timings: { createdAt: s.timings.createdAt, submittedAt: s.timings.submittedAt, completedAt: s.timings.completedAt },
    lineage: s.lineage,
    batch: s.batch,
    shot: s.shot,
    user: s.user,
  };
}

export function leanEntry(e: FullSidecarEntry | SidecarEntry, pool: StringPool): SidecarEntry {
  return { kind: e.kind, id: e.id, dir: pool.share(e.dir), sidecarName: e.sidecarName, videoMissing: e.videoMissing, sidecar: leanSidecar(e.sidecar, pool) };
}
