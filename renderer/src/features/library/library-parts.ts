import { lazyPart } from '../../components/lazy-part';
import type { Timeline } from '../storyboard/sequence-timeline';

/**
 * The parts of the Library that are not in its first paint: the viewer with
 * the clip's record (only once a clip is open), the sequence player (only
 * while a sequence plays) and the storyboard strip (a frame after the grid).
 * Their code loads when first wanted, and when the page is idle before that.
 */
export const detailsPart = lazyPart(() => import('./DetailsPane').then((m) => m.DetailsPane));
export const sequencePlayerPart = lazyPart<{ timeline: Timeline }>(() => import('../storyboard/SequencePlayer').then((m) => m.SequencePlayer));
export const storyboardPart = lazyPart(() => import('../storyboard/StoryboardStrip').then((m) => m.StoryboardStrip));

export const libraryParts = [detailsPart, sequencePlayerPart, storyboardPart] as const;
