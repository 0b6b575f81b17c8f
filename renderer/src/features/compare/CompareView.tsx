import { useEffect, useMemo, useRef } from 'react';
import { isPortrait } from '../../../../shared/ipc/video-view-facts.js';
import { useT } from '../../i18n';
import { COMPARE_MAX } from '../../selection/route';
import { useSelectionStore } from '../../selection/selection-store';
import { LibraryToast } from '../library/LibraryToast';
import { useToastStore } from '../library/toast-store';
import { useViewerPrefs } from '../viewer/viewer-prefs';
import { leaveCompare, pick, reject } from './compare-actions';
import { CompareEngine } from './compare-engine';
import { commandFor, type CompareCommand } from './compare-keys';
import { useCompareStore } from './compare-store';
import { CompareBar } from './CompareBar';
import { CompareStage } from './CompareStage';
import { CompareTile, type TileState } from './CompareTile';
import { CompareTransport, useTransport } from './CompareTransport';
import { paramDifferences } from './param-diff';
import { useCompareRecords, useFrameClocks } from './use-compare-data';
import { useFillHeight } from './use-fill-height';
import './compare.css';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Keys a focused button or slider keeps for itself (Space and Enter press a button). */
const BUTTON_KEYS = new Set([' ', 'Enter']);

/**
 * The comparison: 2–4 clips (the selection's), one transport that keeps them in sync by time, and a
 * verdict on each. Every key works wherever the focus is in it (except in a text field).
 */
export function CompareView() {
  const t = useT();
  const allIds = useSelectionStore((s) => s.ids);
  const ids = useMemo(() => allIds.slice(0, COMPARE_MAX), [allIds]);
  const primary = useSelectionStore((s) => s.primary);
  const records = useCompareStore((s) => s.videos);
  const rejected = useCompareStore((s) => s.rejected);
  const solo = useCompareStore((s) => s.solo);
  const mode = useCompareStore((s) => s.mode);
  const shown = useCompareStore((s) => s.shown);
  const { loop, muted } = useViewerPrefs();
  const engine = useMemo(() => new CompareEngine(), []);
  const holding = useTransport(engine, (s) => s.holding);
  const root = useRef<HTMLElement>(null);
  useFillHeight(root);

  const key = ids.join(',');
  const keyRef = useRef(key);
  keyRef.current = key;
  useEffect(() => {
    const saved = useCompareStore.getState().position;
    if (saved && saved.key === keyRef.current) engine.resume(saved.time);
    engine.start();
    return () => {
      // Left for another view (Settings, say): Back finds the comparison on the same frame.
      useCompareStore.getState().set({ position: { key: keyRef.current, time: engine.master.time() } });
      engine.stop();
    };
  }, [engine]);
  useEffect(() => engine.setOrder(ids), [engine, ids]);
  useEffect(() => engine.setLoop(loop), [engine, loop]);
  useEffect(() => root.current?.focus(), []);
  useCompareRecords(ids);

  // Every clip trashed or gone: nothing left to compare (the Undo toast follows to the library).
  useEffect(() => {
    if (ids.length === 0) leaveCompare();
  }, [ids.length]);

  const videos = useMemo(() => ids.map((id) => records[id]), [ids, records]);
  const clocks = useFrameClocks(videos);
  const two = ids.length === 2;
  const stacked = two && mode !== 'grid';
  const shot = videos[0]?.shotKey;
  const takes = shot !== undefined && videos.every((v) => v?.shotKey === shot && v.take !== undefined);
  const diffs = useMemo(() => {
    if (videos.some((v) => v === undefined)) return undefined;
    return paramDifferences(videos.map((v, i) => ({ video: v!, clock: ((c) => (c === 'failed' ? undefined : c))(clocks[ids[i] ?? '']) })));
  }, [videos, clocks, ids]);
  // In A/B the clip on screen is the one heard and acted on.
  const focusId = stacked && mode === 'ab' ? (ids[shown] ?? primary) : primary;

  const focus = (id: string) => useSelectionStore.getState().selectMany(useSelectionStore.getState().ids, id);
  const flip = () => {
    const s = useCompareStore.getState();
    const next = s.mode === 'ab' ? (s.shown === 0 ? 1 : 0) : 1;
    s.set({ mode: 'ab', shown: next });
    const id = ids[next];
    if (id) focus(id);
  };

  const run = (cmd: CompareCommand): void => {
    const s = useCompareStore.getState();
    switch (cmd.kind) {
      case 'togglePlay':
        return engine.togglePlay();
      case 'step':
        return engine.step(cmd.delta);
      case 'shuttle':
        return engine.shuttle(cmd.key);
      case 'solo': {
        const id = ids[cmd.index];
        if (!id) return;
        s.set({ solo: s.solo === id ? undefined : id });
        return focus(id);
      }
      case 'pick':
        if (focusId) void pick(focusId);
        return;
      case 'reject':
        if (focusId) void reject(focusId);
        return;
      case 'flip':
        if (two) flip();
        return;
      case 'wipe':
        if (two) s.set({ mode: s.mode === 'wipe' ? 'grid' : 'wipe' });
        return;
      case 'mute':
        return useViewerPrefs.getState().set({ muted: !useViewerPrefs.getState().muted });
      case 'leave':
        return leaveCompare();
      case 'undo':
        if (useToastStore.getState().toast?.action) void useToastStore.getState().act();
        return;
    }
  };
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : undefined;
      if (e.defaultPrevented || (target && (TYPING.has(target.tagName) || target.isContentEditable || target.closest('[role="dialog"]')))) return;
      if (target?.tagName === 'BUTTON' && BUTTON_KEYS.has(e.key)) return;
      const cmd = commandFor(e);
      if (!cmd) return;
      e.preventDefault();
      runRef.current(cmd);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const held = new Set(holding.split(' '));
  const aspect = videos[0] !== undefined && isPortrait(videos[0]) ? 9 / 16 : 16 / 9;
  const focusedVideo = focusId ? records[focusId] : undefined;

  return (
    <section ref={root} className="panel cmp" aria-labelledby="cmp-title" tabIndex={-1} data-mode={stacked ? mode : 'grid'} data-count={ids.length}>
      <CompareBar count={ids.length} takes={takes} focused={focusedVideo} onFlip={flip} />
      <CompareStage count={ids.length} aspect={aspect} mode={mode}>
        {ids.map((id, i) => {
          const v = records[id];
          const state: TileState = {
            index: i,
            name: v ? (takes && v.take !== undefined ? t('compare.take', { n: v.take }) : v.fileName) : '…',
            focused: id === focusId,
            soloed: solo === id,
            dimmed: solo !== undefined && solo !== id,
            rejected: rejected.includes(id),
            holding: held.has(id),
            audible: !muted && id === focusId,
            hidden: stacked && mode === 'ab' && shown !== i,
            lettered: stacked,
          };
          return <CompareTile key={id} video={v} clock={clocks[id]} state={state} diffs={diffs?.[i]} engine={engine} onFocus={() => focus(id)} />;
        })}
      </CompareStage>
      <CompareTransport engine={engine} />
      <LibraryToast />
    </section>
  );
}
