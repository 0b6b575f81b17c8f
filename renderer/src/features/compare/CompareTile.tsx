import { useEffect, useRef, useState } from 'react';
import { isPortrait, promptOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { useT } from '../../i18n';
import type { FrameClock } from '../viewer/frame-math';
import type { CompareEngine } from './compare-engine';
import type { ParamDifference } from './param-diff';
import { ParamList } from './ParamList';

export interface TileState {
  /** Its position: key 1–4 solos it; A and B in a wipe or A/B. */
  index: number;
  /** "Take 2" for the takes of one shot, else the file name. */
  name: string;
  focused: boolean;
  soloed: boolean;
  /** Another clip is soloed: this one is dimmed. */
  dimmed: boolean;
  rejected: boolean;
  /** Past its end: it shows its last frame. */
  holding: boolean;
  /** Its sound plays (the focused clip, unless everything is muted). */
  audible: boolean;
  /** A/B: the clip not showing (its picture is hidden, its caption stays). */
  hidden: boolean;
  /** Two clips, stacked (wipe or A/B): a letter instead of a number. */
  lettered: boolean;
}

/**
 * One clip of a comparison: its <video> (driven by the engine once its frame clock is known, never by
 * itself: no controls, no loop of its own), a one-line label with its verdict, and what differs.
 */
export function CompareTile({
  video,
  clock,
  state,
  diffs,
  engine,
  onFocus,
}: {
  video: VideoView | undefined;
  clock: FrameClock | 'failed' | undefined;
  state: TileState;
  diffs: readonly ParamDifference[] | undefined;
  engine: CompareEngine;
  onFocus(): void;
}) {
  const t = useT();
  const el = useRef<HTMLVideoElement>(null);
  const id = video?.id;
  const known = clock !== undefined && clock !== 'failed' ? clock : undefined;
  // The file's own shape once read; until then, the one asked for.
  const [aspect, setAspect] = useState(video !== undefined && isPortrait(video) ? 9 / 16 : 16 / 9);

  useEffect(() => {
    const v = el.current;
    if (!v || !id || !known) return;
    engine.attach(id, v, known);
    return () => engine.detach(id);
  }, [engine, id, known]);

  useEffect(() => {
    if (el.current) el.current.muted = !state.audible;
  }, [state.audible]);

  const key = state.lettered ? (state.index === 0 ? 'A' : 'B') : String(state.index + 1);
  const classes = ['cmp-tile', state.focused && 'focused', state.dimmed && 'dimmed', state.rejected && 'rejected', state.hidden && 'hidden'].filter(Boolean).join(' ');
  const status =
    !video ? t('compare.loading')
    : video.videoMissing ? t('compare.missing')
    : clock === 'failed' ? t('compare.probeFailed')
    : clock === undefined ? t('compare.reading')
    : undefined;

  return (
    <section className={classes} style={{ ['--clip-aspect' as string]: aspect }} aria-label={t('compare.clipLabel', { key, name: state.name })} data-clip-id={id} data-index={state.index} data-rejected={state.rejected || undefined} data-picked={video?.favorite || undefined}>
      <div className="cmp-frame" onClick={onFocus}>
        <div className="cmp-picture">
          {video && !video.videoMissing ? (
            <video
              ref={el}
              src={video.mediaUrl}
              crossOrigin="anonymous"
              preload="auto"
              playsInline
              muted={!state.audible}
              aria-label={t('compare.clipLabel', { key, name: state.name })}
              data-fps={known?.fps}
              data-frames={known?.frames}
              onLoadedMetadata={(e) => e.currentTarget.videoWidth > 0 && setAspect(e.currentTarget.videoWidth / e.currentTarget.videoHeight)}
            />
          ) : null}
          <span className="cmp-key" aria-hidden="true">
            {key}
          </span>
          {status ? <span className="cmp-status">{status}</span> : null}
          {state.holding ? (
            <span className="cmp-holding" title={t('compare.holding')}>
              {t('compare.ended')}
            </span>
          ) : null}
        </div>
      </div>
      <div className="cmp-caption">
        <div className="cmp-label">
          <button type="button" className="cmp-name" aria-pressed={state.focused} title={`${t('compare.focus')} · ${t('compare.solo', { n: state.index + 1 })}`} onMouseDown={(e) => e.preventDefault()} onClick={onFocus}>
            <span className="cmp-name-key">{key}</span> {state.name}
          </button>
          {video?.favorite ? <span className="cmp-verdict picked">★ {t('compare.picked')}</span> : null}
          {state.rejected ? <span className="cmp-verdict rejected">✕ {t('compare.rejected')}</span> : null}
          {state.soloed ? <span className="cmp-verdict solo">{t('compare.soloOn')}</span> : null}
        </div>
        <ParamList diffs={diffs} prompt={video ? (promptOf(video) ?? '') : ''} />
      </div>
    </section>
  );
}
