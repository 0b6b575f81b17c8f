import { bareFacets } from '../domain/bare-facets.js';
import type { AspectRatio, Resolution } from '../domain/generation-options.js';
import type { BareVideoView, KeyframeVideoView, VideoView } from './views.js';

/**
 * What the page asks of any library video, whether Keyframe made it (with a
 * sidecar) or it is a bare file known by its container: one place for the
 * rules, so the grid, the details and the filters agree.
 */

export const isBareView = (v: VideoView): v is BareVideoView => v.kind === 'bare';
export const isKeyframeView = (v: VideoView): v is KeyframeVideoView => v.kind !== 'bare';

/** The prompt it was made from, when known (a bare video's only from the provenance in its file). */
export const promptOf = (v: VideoView): string | undefined => (isBareView(v) ? v.provenance?.prompt : v.request.prompt);

/** What to call it: its prompt, else its file name. */
export const titleOf = (v: VideoView): string => promptOf(v) ?? v.fileName;

export const modelOf = (v: VideoView): string | undefined => (isBareView(v) ? v.provenance?.model : v.model);

/** The settings the library's filters compare, for either kind. */
export interface ViewFacets {
  resolution?: Resolution;
  aspect?: AspectRatio;
  seconds: number;
  audio: boolean;
}

export function facetsOf(v: VideoView): ViewFacets {
  if (isBareView(v)) return bareFacets(v.container);
  const r = v.request;
  return { resolution: r.resolution, aspect: r.aspect_ratio, seconds: r.duration, audio: r.generate_audio };
}

/** Taller than wide (a 9:16 request, or a bare file whose picture is). */
export function isPortrait(v: VideoView): boolean {
  if (!isBareView(v)) return v.request.aspect_ratio === '9:16';
  const { width, height } = v.container;
  return width !== undefined && height !== undefined && height > width;
}
