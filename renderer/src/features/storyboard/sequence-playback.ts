import { create } from 'zustand';
import { buildTimeline, type Timeline } from './sequence-timeline';
import { useStoryboard } from './storyboard-store';

/**
 * Whether the storyboard's sequence is playing in the viewer's place, and what
 * of it is on screen. The timeline is taken when playback starts: an edit to
 * the strip meanwhile ends playback rather than playing what is no longer there.
 */

export interface PlaybackControl {
  togglePause(): void;
}

interface SequencePlaybackState {
  /** Set while the sequence player is shown. */
  timeline: Timeline | undefined;
  /** Index into the timeline's entries of the clip on screen. */
  entry: number;
  /** Seconds on the sequence's timeline of the frame on screen. */
  time: number;
  playing: boolean;
  ended: boolean;
  /** The frame of its file each clip showed first, by entry: a clean cut shows its in-frame. */
  firstFrames: Record<number, number>;
  start(): void;
  stop(): void;
  togglePause(): void;
}

let control: PlaybackControl | undefined;

/** The player on screen registers how it pauses; returns how to unregister. */
export function setPlaybackControl(c: PlaybackControl): () => void {
  control = c;
  return () => {
    if (control === c) control = undefined;
  };
}

const signature = (t: Timeline): string => t.entries.map((e) => `${e.key}:${e.inF}:${e.outF}`).join('|');

export const useSequencePlayback = create<SequencePlaybackState>()((set, get) => ({
  timeline: undefined,
  entry: 0,
  time: 0,
  playing: false,
  ended: false,
  firstFrames: {},
  start() {
    const timeline = buildTimeline(useStoryboard.getState().clips);
    if (timeline.entries.length === 0) return;
    set({ timeline, entry: 0, time: 0, playing: false, ended: false, firstFrames: {} });
  },
  stop: () => set({ timeline: undefined, playing: false, ended: false, firstFrames: {} }),
  togglePause() {
    if (get().timeline) control?.togglePause();
  },
}));

useStoryboard.subscribe((s, prev) => {
  const playing = useSequencePlayback.getState().timeline;
  if (!playing || s.clips === prev.clips) return;
  // A frame clock read late changes the clips but not what plays; a trim, a move or a removal does.
  if (signature(buildTimeline(s.clips)) !== signature(playing)) useSequencePlayback.getState().stop();
});
