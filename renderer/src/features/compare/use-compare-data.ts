import { useEffect, useState } from 'react';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError } from '../../app-error';
import { useSelectionStore } from '../../selection/selection-store';
import type { FrameClock } from '../viewer/frame-math';
import { probeClip } from '../viewer/probe';
import { addRecords } from './compare-actions';
import { useCompareStore } from './compare-store';

/** What the comparison needs from outside: the clips' records (from main) and their frame clocks (from the files). */

/** A clip main no longer has leaves the comparison (and is not selected again on the way back). */
function forget(id: string): void {
  const s = useCompareStore.getState();
  if (!s.gone.includes(id)) s.set({ gone: [...s.gone, id] });
  const sel = useSelectionStore.getState();
  const left = sel.ids.filter((x) => x !== id);
  sel.selectMany(left, sel.primary !== id ? sel.primary : left[0]);
}

function fetchRecord(id: string, live: () => boolean): void {
  api.library.get({ id }).then(
    (v) => live() && addRecords([v]),
    (err: unknown) => {
      // Only "not found" means gone: a dropped connection must not take a clip out of the comparison.
      if (live() && toAppError(err).code === 'not_found') forget(id);
    },
  );
}

/** Fetches every compared clip's record (fresh: a favourite may have changed since), and follows library:changed. */
export function useCompareRecords(ids: readonly string[]): void {
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    for (const id of key.split(',').filter(Boolean)) fetchRecord(id, () => live);
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => {
    let live = true;
    const off = api.library.onChanged(({ updated, removed }) => {
      const shown = useSelectionStore.getState().ids;
      for (const id of updated) if (shown.includes(id)) fetchRecord(id, () => live);
      for (const id of removed) if (shown.includes(id)) forget(id);
    });
    return () => {
      live = false;
      off();
    };
  }, []);
}

export type ClockStates = Readonly<Record<string, FrameClock | 'failed'>>;

/** Each clip's frame clock, read from its file (probe.ts keeps them per URL), by clip id. */
export function useFrameClocks(videos: readonly (VideoView | undefined)[]): ClockStates {
  const [clocks, setClocks] = useState<ClockStates>({});
  const wanted = videos.filter((v): v is VideoView => v !== undefined && !v.videoMissing).map((v) => `${v.id} ${v.mediaUrl}`);
  const key = wanted.join('\n');
  useEffect(() => {
    let live = true;
    for (const line of key.split('\n').filter(Boolean)) {
      const [id = '', url = ''] = line.split(' ');
      probeClip(url).then(
        (clock) => live && setClocks((c) => (c[id] === clock ? c : { ...c, [id]: clock })),
        () => live && setClocks((c) => ({ ...c, [id]: 'failed' })),
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return clocks;
}
