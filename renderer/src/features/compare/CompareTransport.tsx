import { useSyncExternalStore } from 'react';
import { useT } from '../../i18n';
import { timecode } from '../viewer/frame-math';
import { Icon, type IconName } from '../viewer/icons';
import { Scrubber } from '../viewer/Scrubber';
import { useViewerPrefs } from '../viewer/viewer-prefs';
import '../viewer/viewer.css';
import type { CompareEngine, TransportSnapshot } from './compare-engine';

const NO_MARKS = {};

/** Keeps the focus where it is (the comparison's keys keep working after a click on a button). */
export const keepFocus = (e: React.MouseEvent) => e.preventDefault();

export function useTransport<T>(engine: CompareEngine, pick: (s: TransportSnapshot) => T): T {
  return useSyncExternalStore(engine.subscribe, () => pick(engine.snapshot()));
}

function Btn({ icon, label, onClick, pressed, disabled }: { icon: IconName; label: string; onClick(): void; pressed?: boolean; disabled?: boolean }) {
  return (
    <button type="button" className="cmp-btn" aria-label={label} title={label} aria-pressed={pressed} disabled={disabled} onMouseDown={keepFocus} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );
}

/** The one transport of every clip: play, frame steps, the shared scrubber, timecode and counter (first clip's frames), loop, mute. */
export function CompareTransport({ engine }: { engine: CompareEngine }) {
  const t = useT();
  const prefs = useViewerPrefs();
  const timeline = useTransport(engine, (s) => s.timeline);
  const frame = useTransport(engine, (s) => s.frame);
  const rate = useTransport(engine, (s) => s.rate);
  const playing = rate > 0;
  const noClock = timeline === undefined;
  return (
    <div className="cmp-transport">
      <div className="cmp-group">
        <Btn icon={playing ? 'pause' : 'play'} label={playing ? t('viewer.pause') : t('viewer.play')} disabled={noClock} onClick={() => engine.togglePlay()} />
        <Btn icon="back" label={t('viewer.back')} disabled={noClock} onClick={() => engine.step(-1)} />
        <Btn icon="forward" label={t('viewer.forward')} disabled={noClock} onClick={() => engine.step(1)} />
      </div>
      <div className="cmp-scrub">
        <Scrubber clock={timeline} frame={frame} marks={NO_MARKS} onScrub={(n) => engine.scrubTo(n)} />
      </div>
      <div className="cmp-readout" title={timeline ? t('viewer.frameLabel', { n: frame + 1, total: timeline.frames, fps: Math.round(timeline.fps * 1000) / 1000 }) : undefined}>
        <span className="cmp-tc" data-frame={timeline ? frame : undefined}>
          {timeline ? timecode(frame, timeline.fps) : '--:--:--:--'}
        </span>
        <span className="cmp-count" data-testid="compare-counter">
          {timeline ? t('viewer.frame', { n: frame + 1, total: timeline.frames }) : t('viewer.reading')}
        </span>
        {rate !== 0 && rate !== 1 ? (
          <span className="cmp-rate" title={t('viewer.shuttle', { rate: Math.abs(rate) })}>
            {rate < 0 ? '◀' : '▶'} {Math.abs(rate)}×
          </span>
        ) : null}
      </div>
      <div className="cmp-group">
        <Btn icon="loop" label={t('viewer.loop')} pressed={prefs.loop} onClick={() => prefs.set({ loop: !prefs.loop })} />
        <Btn icon={prefs.muted ? 'muted' : 'sound'} label={t('viewer.mute')} pressed={prefs.muted} onClick={() => prefs.set({ muted: !prefs.muted })} />
      </div>
    </div>
  );
}
