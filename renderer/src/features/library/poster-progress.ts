import { create } from 'zustand';
import type { PosterProgress } from '../../../../shared/ipc/poster-views.js';

/**
 * How far the background poster making has got, for the toolbar's small indicator. Main counts
 * (videos needing a poster, and those still without one); the page adds the videos it failed to
 * make a poster for this session, which stay without one but are no longer being worked on, so the
 * indicator goes away once everything that can have a poster has one.
 */

export interface PosterProgressState {
  /** Main's counts, once the first arrived. */
  counts: PosterProgress | undefined;
  /** Ids a poster could not be made for (a damaged file, an unsupported codec). */
  failed: readonly string[];
}

export type PosterProgressAction = { type: 'counts'; counts: PosterProgress } | { type: 'failed'; id: string };

export const NO_POSTER_PROGRESS: PosterProgressState = { counts: undefined, failed: [] };

export function reducePosterProgress(state: PosterProgressState, action: PosterProgressAction): PosterProgressState {
  if (action.type === 'counts') return { ...state, counts: action.counts };
  return state.failed.includes(action.id) ? state : { ...state, failed: [...state.failed, action.id] };
}

/** Posters still to be made: those missing that were not given up on. */
export function postersToMake(state: PosterProgressState): number {
  if (!state.counts) return 0;
  return Math.max(0, state.counts.missing - state.failed.length);
}

/** What the indicator shows ("Posters 1,234 / 10,000"), or undefined once caught up. */
export function posterIndicator(state: PosterProgressState): { done: number; total: number } | undefined {
  if (!state.counts || postersToMake(state) === 0) return undefined;
  return { done: state.counts.total - state.counts.missing, total: state.counts.total };
}

interface PosterProgressStore extends PosterProgressState {
  dispatch(action: PosterProgressAction): void;
}

export const usePosterProgress = create<PosterProgressStore>()((set) => ({
  ...NO_POSTER_PROGRESS,
  dispatch: (action) => set((s) => reducePosterProgress(s, action)),
}));
