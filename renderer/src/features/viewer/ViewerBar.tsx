import { useClipMarks, type Marks } from '../../selection/clip-marks';
import { useT } from '../../i18n';
import { frameAt, timecode, type FrameClock } from './frame-math';
import { Icon, type IconName } from './icons';
import type { ClockState } from './use-frame-clock';
import type { ViewerController } from './viewer-controller';
import { useViewerPrefs } from './viewer-prefs';

function IconButton({ icon, label, onClick, pressed, disabled }: { icon: IconName; label: string; onClick(): void; pressed?: boolean; disabled?: boolean }) {
  return (
    <button type="button" className="viewer-btn" aria-label={label} title={label} aria-pressed={pressed} disabled={disabled} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );
}

/** 24, 25, 30 as they are; 29.97 and 23.976 with their decimals. */
const fpsText = (fps: number): string => (Math.abs(fps - Math.round(fps)) < 0.0005 ? String(Math.round(fps)) : fps.toFixed(3).replace(/0+$/, ''));

/** Timecode, frame counter, shuttle rate: what frame is on screen (the frame rate is in the tooltip). */
function Readout({ clockState, frame, rate }: { clockState: ClockState; frame: number; rate: number }) {
  const t = useT();
  const clock = clockState.kind === 'known' ? clockState.clock : undefined;
  return (
    <div className="viewer-readout" title={clock ? t('viewer.frameLabel', { n: frame + 1, total: clock.frames, fps: fpsText(clock.fps) }) : undefined}>
      <span className="viewer-tc" aria-label={t('viewer.timecode')} data-frame={clock ? frame : undefined}>
        {clock ? timecode(frame, clock.fps) : '--:--:--:--'}
      </span>
      {clock ? (
        // Counted from 1 for people (the last of 48 frames reads "f 48 / 48"); the timecode's FF counts from 0, as SMPTE does.
        <span className="viewer-count" data-testid="frame-counter">
          {t('viewer.frame', { n: frame + 1, total: clock.frames })}
        </span>
      ) : clockState.kind === 'failed' ? (
        <span className="viewer-count warn" title={t('viewer.probeFailed')}>
          ⚠ —
        </span>
      ) : (
        <span className="viewer-count">{t('viewer.reading')}</span>
      )}
      {rate !== 0 && rate !== 1 ? (
        <span className="viewer-rate" title={t('viewer.shuttle', { rate: Math.abs(rate) })}>
          {rate < 0 ? '◀' : '▶'} {Math.abs(rate)}×
        </span>
      ) : null}
    </div>
  );
}

/** The first row: transport, readout, marks, toggles. */
export function TransportBar({ clockState, frame, playing, rate, control }: { clockState: ClockState; frame: number; playing: boolean; rate: number; control(): ViewerController | undefined }) {
  const t = useT();
  const prefs = useViewerPrefs();
  const noClock = clockState.kind !== 'known';
  return (
    <div className="viewer-bar">
      <div className="viewer-group">
        <IconButton icon={playing ? 'pause' : 'play'} label={playing ? t('viewer.pause') : t('viewer.play')} onClick={() => control()?.togglePlay()} />
        <IconButton icon="back" label={t('viewer.back')} disabled={noClock} onClick={() => control()?.step(-1)} />
        <IconButton icon="forward" label={t('viewer.forward')} disabled={noClock} onClick={() => control()?.step(1)} />
      </div>
      <Readout clockState={clockState} frame={frame} rate={rate} />
      <div className="viewer-group viewer-end">
        <IconButton icon="markIn" label={t('viewer.markIn')} disabled={noClock} onClick={() => control()?.mark('in')} />
        <IconButton icon="markOut" label={t('viewer.markOut')} disabled={noClock} onClick={() => control()?.mark('out')} />
        <span className="viewer-sep" aria-hidden="true" />
        <IconButton icon="loop" label={t('viewer.loop')} pressed={prefs.loop} onClick={() => prefs.set({ loop: !prefs.loop })} />
        <IconButton icon={prefs.muted ? 'muted' : 'sound'} label={t('viewer.mute')} pressed={prefs.muted} onClick={() => prefs.set({ muted: !prefs.muted })} />
        <IconButton icon="guides" label={t('viewer.guides')} pressed={prefs.guides} onClick={() => prefs.set({ guides: !prefs.guides })} />
      </div>
    </div>
  );
}

interface FrameActionsProps {
  clipId: string;
  clock: FrameClock | undefined;
  marks: Marks;
  onUseFrame: ((role: 'first' | 'last') => void) | undefined;
  onContinue: (() => void) | undefined;
}

/** The second row, when there is something for it: the in/out marks, "use this frame" and "continue from this frame". */
export function FrameActionsBar({ clipId, clock, marks, onUseFrame, onContinue }: FrameActionsProps) {
  const t = useT();
  const hasMarks = marks.in !== undefined || marks.out !== undefined;
  if (!hasMarks && !onUseFrame && !onContinue) return null;
  const markTc = (time: number | undefined) => (clock && time !== undefined ? timecode(frameAt(clock, time), clock.fps) : '—');
  return (
    <div className="viewer-bar">
      {hasMarks ? (
        <div className="viewer-group">
          <span className="viewer-marks">{t('viewer.marks', { in: markTc(marks.in), out: markTc(marks.out) })}</span>
          <IconButton icon="clear" label={t('viewer.clearMarks')} onClick={() => useClipMarks.getState().clear(clipId)} />
        </div>
      ) : null}
      {onUseFrame || onContinue ? (
        <div className="viewer-group viewer-end">
          {onContinue ? (
            <button type="button" className="viewer-text-btn" title={t('viewer.continueHint')} onClick={onContinue}>
              {t('viewer.continue')}
            </button>
          ) : null}
          {onUseFrame ? (
            <>
              <button type="button" className="viewer-text-btn" title={t('viewer.useFirstHint')} onClick={() => onUseFrame('first')}>
                {t('viewer.useFirst')}
              </button>
              <button type="button" className="viewer-text-btn" title={t('viewer.useLastHint')} onClick={() => onUseFrame('last')}>
                {t('viewer.useLast')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
