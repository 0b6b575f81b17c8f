import { useRef } from 'react';
import type { Marks } from '../../selection/clip-marks';
import { useT } from '../../i18n';
import { frameAt, timecode, type FrameClock } from './frame-math';

/**
 * The viewer's timeline: the playhead, the in/out marks and the range between them. A slider to
 * assistive tech and to the keyboard (arrows: one frame, Shift: one second, Home/End); drag to scrub,
 * landing on whole frames.
 */
export function Scrubber({ clock, frame, marks, onScrub }: { clock: FrameClock | undefined; frame: number; marks: Marks; onScrub(frame: number): void }) {
  const t = useT();
  const track = useRef<HTMLDivElement>(null);
  const last = clock ? clock.frames - 1 : 0;
  const at = (n: number): string => `${last > 0 ? (n / last) * 100 : 0}%`;
  const markFrame = (time: number | undefined) => (clock && time !== undefined ? frameAt(clock, time) : undefined);
  const inF = markFrame(marks.in);
  const outF = markFrame(marks.out);

  const fromPointer = (clientX: number): number => {
    const r = track.current?.getBoundingClientRect();
    if (!r || r.width === 0) return frame;
    return Math.round(Math.min(1, Math.max(0, (clientX - r.left) / r.width)) * last);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!clock) return;
    const second = Math.round(clock.fps);
    const to =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? frame - (e.shiftKey ? second : 1)
      : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? frame + (e.shiftKey ? second : 1)
      : e.key === 'PageDown' ? frame - second
      : e.key === 'PageUp' ? frame + second
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : undefined;
    if (to === undefined) return;
    // The grid listens for the same keys further up: here they move the playhead, not the selection.
    e.preventDefault();
    e.stopPropagation();
    onScrub(Math.min(last, Math.max(0, to)));
  };

  return (
    <div
      ref={track}
      className="viewer-scrubber"
      role="slider"
      tabIndex={clock ? 0 : -1}
      aria-label={t('viewer.position')}
      aria-valuemin={0}
      aria-valuemax={last}
      aria-valuenow={frame}
      aria-valuetext={clock ? timecode(frame, clock.fps) : t('viewer.reading')}
      aria-disabled={clock ? undefined : true}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        if (!clock || e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        onScrub(fromPointer(e.clientX));
      }}
      onPointerMove={(e) => {
        if (clock && e.currentTarget.hasPointerCapture(e.pointerId)) onScrub(fromPointer(e.clientX));
      }}
    >
      <div className="viewer-track" />
      {inF !== undefined || outF !== undefined ? (
        <div className="viewer-range" style={{ left: at(inF ?? 0), right: `calc(100% - ${at(outF ?? last)})` }} />
      ) : null}
      <div className="viewer-played" style={{ width: at(frame) }} />
      {inF !== undefined ? <div className="viewer-mark in" style={{ left: at(inF) }} data-mark="in" /> : null}
      {outF !== undefined ? <div className="viewer-mark out" style={{ left: at(outF) }} data-mark="out" /> : null}
      <div className="viewer-playhead" style={{ left: at(frame) }} />
    </div>
  );
}
