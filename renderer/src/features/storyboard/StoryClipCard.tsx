import { useT } from '../../i18n';
import { clipSeconds, shortTimecode, trimFrames, type StoryClip } from './storyboard-edit';

const FALLBACK_FPS = 24;
/** Card width per second on the timeline, within bounds: long takes read as long, short ones stay usable. */
const PX_PER_SECOND = 44;
const CARD_MIN = 208;
const CARD_MAX = 320;

export interface StoryClipCardProps {
  clip: StoryClip;
  index: number;
  count: number;
  dragging: boolean;
  dropBefore: boolean;
  /** The clip on screen while the sequence plays. */
  playing: boolean;
  onTrim(edge: 'in' | 'out', frames: number): void;
  onMove(to: number): void;
  onRemove(): void;
  onDragStart(): void;
  onDragOver(): void;
  onDrop(): void;
  onDragEnd(): void;
}

/** One clip of the storyboard: its poster, its trim (frame by frame), and moving or removing it. */
export function StoryClipCard(p: StoryClipCardProps) {
  const t = useT();
  const { clip } = p;
  const fps = clip.clock?.fps ?? FALLBACK_FPS;
  const seconds = clipSeconds(clip);
  const frames = clip.clock ? trimFrames(clip, clip.clock) : undefined;
  const inTc = frames ? shortTimecode(frames.inF / fps, fps) : shortTimecode(clip.in ?? 0, fps);
  const outTc = frames ? shortTimecode(frames.outF / fps, fps) : clip.out === undefined ? '—' : shortTimecode(clip.out, fps);
  const width = Math.round(Math.min(CARD_MAX, Math.max(CARD_MIN, (seconds ?? 4) * PX_PER_SECOND)));
  const noClock = clip.clock === undefined;
  const step = (e: React.MouseEvent) => (e.shiftKey ? 10 : 1);
  const name = clip.title ?? clip.file;

  return (
    <li
      className="sb-clip"
      style={{ width }}
      draggable
      data-dragging={p.dragging || undefined}
      data-drop-before={p.dropBefore || undefined}
      data-playing={p.playing || undefined}
      aria-current={p.playing ? 'true' : undefined}
      data-file={clip.file}
      aria-label={t('storyboard.clip', { n: p.index + 1, file: name })}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', String(p.index));
        p.onDragStart();
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        p.onDragOver();
      }}
      onDrop={(e) => {
        e.preventDefault();
        p.onDrop();
      }}
      onDragEnd={p.onDragEnd}
    >
      <div className="sb-thumb" style={clip.posterUrl ? { backgroundImage: `url("${clip.posterUrl}")` } : undefined}>
        {frames && clip.clock ? (
          <span className="sb-range" aria-hidden="true">
            <span style={{ left: `${(frames.inF / clip.clock.frames) * 100}%`, width: `${((frames.outF - frames.inF) / clip.clock.frames) * 100}%` }} />
          </span>
        ) : null}
        <span className="sb-index">{p.index + 1}</span>
        <span className="sb-length" data-testid="clip-length">
          {seconds === undefined ? '—' : `${seconds.toFixed(2)} s`}
        </span>
        <div className="sb-card-actions">
          <button type="button" className="sb-icon" aria-label={t('storyboard.moveLeft')} title={t('storyboard.moveLeft')} disabled={p.index === 0} onClick={() => p.onMove(p.index - 1)}>
            ‹
          </button>
          <button type="button" className="sb-icon" aria-label={t('storyboard.moveRight')} title={t('storyboard.moveRight')} disabled={p.index === p.count - 1} onClick={() => p.onMove(p.index + 1)}>
            ›
          </button>
          <button type="button" className="sb-icon sb-remove" aria-label={t('storyboard.remove')} title={t('storyboard.remove')} onClick={p.onRemove}>
            ×
          </button>
        </div>
      </div>
      <div className="sb-name" title={clip.file}>
        {name}
      </div>
      <div className="sb-trim">
        <TrimEdge label={t('storyboard.in')} tc={inTc} edge="in" disabled={noClock} earlier={t('storyboard.inEarlier')} later={t('storyboard.inLater')} onStep={(n) => p.onTrim('in', n)} step={step} />
        <TrimEdge label={t('storyboard.out')} tc={outTc} edge="out" disabled={noClock} earlier={t('storyboard.outEarlier')} later={t('storyboard.outLater')} onStep={(n) => p.onTrim('out', n)} step={step} />
      </div>
    </li>
  );
}

function TrimEdge(p: { label: string; tc: string; edge: 'in' | 'out'; disabled: boolean; earlier: string; later: string; onStep(frames: number): void; step(e: React.MouseEvent): number }) {
  return (
    <span className={`sb-edge sb-edge-${p.edge}`}>
      <button type="button" className="sb-nudge" aria-label={p.earlier} title={p.earlier} disabled={p.disabled} onClick={(e) => p.onStep(-p.step(e))}>
        ‹
      </button>
      <span className="sb-tc" data-testid={`trim-${p.edge}`}>
        <span className="sb-tc-label">{p.label}</span> {p.tc}
      </span>
      <button type="button" className="sb-nudge" aria-label={p.later} title={p.later} disabled={p.disabled} onClick={(e) => p.onStep(p.step(e))}>
        ›
      </button>
    </span>
  );
}
