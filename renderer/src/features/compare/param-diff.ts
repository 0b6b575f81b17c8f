import { facetsOf, isBareView, modelOf, promptOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import type { FrameClock } from '../viewer/frame-math';
import { promptDifferences, type PromptDifference } from './prompt-diff';

/**
 * Under each clip of a comparison, the settings in which the clips DIFFER, and only those: takes of one
 * job differ in little or nothing, and a line repeating "8 s · 720p · Fast" under every clip would bury
 * the one setting that changed. Pure: values, not words (the caption words them in the page's language).
 */

export type ParamDifference =
  | { key: 'model'; model: string }
  | { key: 'seed'; seed: number | undefined }
  /** Seconds: the file's own length when every file has been read, else the length asked for. */
  | { key: 'length'; seconds: number }
  | { key: 'fps'; fps: number }
  | { key: 'resolution'; resolution: string }
  | { key: 'aspect'; aspect: string }
  | { key: 'audio'; audio: boolean }
  | { key: 'people'; people: string }
  | { key: 'negative'; negative: string | undefined }
  | { key: 'frames'; first: string | undefined; last: string | undefined }
  | { key: 'prompt'; prompt: PromptDifference };

export type ParamKey = ParamDifference['key'];

export interface ClipFacts {
  video: VideoView;
  /** The file's frame clock once read (probe.ts); undefined while reading or when it could not be. */
  clock?: FrameClock | undefined;
}

/** Lengths differing by less than this are the same length (a frame more at the end of an encode). */
const LENGTH_STEP_S = 0.05;
const round = (x: number, step: number): number => Math.round(x / step) * step;

const frameName = (v: VideoView, role: 'first' | 'last'): string | undefined => {
  const f = v.frames.find((x) => x.role === role);
  return f ? (f.name ?? f.sourceUrl ?? role) : undefined;
};

type Single = Exclude<ParamDifference, { key: 'prompt' }>;

/** Each setting as this clip has it, in the order the caption lists them; a bare file has only what its container and embedded provenance say. */
function settingsOf(clip: ClipFacts, fileLengths: boolean): Single[] {
  const { video: v, clock } = clip;
  const facets = facetsOf(v);
  const seconds = fileLengths && clock ? round(clock.frames / clock.fps, LENGTH_STEP_S) : facets.seconds;
  const model = modelOf(v);
  const out: Single[] = [{ key: 'seed', seed: isBareView(v) ? v.provenance?.seed : (v.seed ?? v.request.seed) }];
  if (model !== undefined) out.push({ key: 'model', model });
  out.push({ key: 'length', seconds });
  if (clock) out.push({ key: 'fps', fps: round(clock.fps, 0.001) });
  if (facets.resolution !== undefined) out.push({ key: 'resolution', resolution: facets.resolution });
  if (facets.aspect !== undefined) out.push({ key: 'aspect', aspect: facets.aspect });
  out.push({ key: 'audio', audio: facets.audio });
  if (!isBareView(v)) {
    const r = v.request;
    out.push({ key: 'people', people: r.person_generation }, { key: 'negative', negative: r.negative_prompt?.trim() || undefined });
  }
  out.push({ key: 'frames', first: frameName(v, 'first'), last: frameName(v, 'last') });
  return out;
}

const same = (a: Single, b: Single): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * For each clip (in order), the settings that are not the same for every clip. A setting unknown for
 * some clip (the frame rate before every file is read) is left out rather than shown as a difference.
 */
export function paramDifferences(clips: readonly ClipFacts[]): ParamDifference[][] {
  if (clips.length < 2) return clips.map(() => []);
  // The file's length once every file is read: the request says 8 s of a clip that runs 7.96 s, or 2 s.
  const fileLengths = clips.every((c) => c.clock !== undefined);
  const settings = clips.map((c) => settingsOf(c, fileLengths));
  const keys = (settings[0] ?? []).map((s) => s.key);
  const differing = new Set(
    keys.filter((key) => {
      const values = settings.map((list) => list.find((s) => s.key === key));
      if (values.some((v) => v === undefined)) return false;
      return values.some((v) => !same(v as Single, values[0] as Single));
    }),
  );
  const prompts = clips.map((c) => promptOf(c.video) ?? '');
  const promptsDiffer = prompts.some((p) => p.trim() !== prompts[0]?.trim());
  const promptDiffs = promptsDiffer ? promptDifferences(prompts) : [];
  return settings.map((list, i) => {
    const out: ParamDifference[] = list.filter((s) => differing.has(s.key));
    const prompt = promptDiffs[i];
    if (prompt) out.push({ key: 'prompt', prompt });
    return out;
  });
}
