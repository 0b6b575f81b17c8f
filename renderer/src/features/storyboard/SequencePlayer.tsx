import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { Icon } from '../viewer/icons';
import { useViewerPrefs } from '../viewer/viewer-prefs';
import { SequenceDeck } from './sequence-deck';
import { setPlaybackControl, useSequencePlayback } from './sequence-playback';
import type { Timeline } from './sequence-timeline';
import { shortTimecode } from './storyboard-edit';
import { useStoryboard } from './storyboard-store';
import '../viewer/viewer.css';

/**
 * The whole sequence played in the viewer's place, cut to cut with no gap: two <video> elements
 * take turns (sequence-deck.ts). A readout gives the time in the sequence and the clip playing;
 * Stop (or Escape) brings the clip viewer back.
 */
export function SequencePlayer({ timeline }: { timeline: Timeline }) {
  const t = useT();
  const a = useRef<HTMLVideoElement>(null);
  const b = useRef<HTMLVideoElement>(null);
  const deck = useRef<SequenceDeck | undefined>(undefined);
  const root = useRef<HTMLElement>(null);
  const entry = useSequencePlayback((s) => s.entry);
  const time = useSequencePlayback((s) => s.time);
  const playing = useSequencePlayback((s) => s.playing);
  const ended = useSequencePlayback((s) => s.ended);
  const firstFrames = useSequencePlayback((s) => s.firstFrames);
  const muted = useViewerPrefs((s) => s.muted);
  const [aspect, setAspect] = useState(16 / 9);
  const clipName = useStoryboard((s) => {
    const clip = s.clips.find((c) => c.key === timeline.entries[entry]?.key);
    return clip ? (clip.title ?? clip.file) : undefined;
  });

  useEffect(() => {
    if (!a.current || !b.current) return;
    const set = useSequencePlayback.setState;
    const d = new SequenceDeck([a.current, b.current], timeline, {
      onClip: (i) => set({ entry: i, ended: false }),
      onFirstFrame: (i, frame) => set((s) => ({ firstFrames: { ...s.firstFrames, [i]: frame } })),
      onTime: (seconds) => set({ time: seconds }),
      onPlaying: (p) => set({ playing: p }),
      onEnded: () => set({ ended: true }),
    });
    d.setMuted(useViewerPrefs.getState().muted);
    deck.current = d;
    const release = setPlaybackControl(d);
    void d.start();
    // The keys (Space, Escape) reach the player from wherever the Play button left the focus.
    root.current?.focus({ preventScroll: true });
    return () => {
      release();
      d.dispose();
      deck.current = undefined;
    };
  }, [timeline]);

  useEffect(() => deck.current?.setMuted(muted), [muted]);

  const fps = timeline.entries[0]?.clock.fps ?? 24;
  const current = timeline.entries[entry];
  const onMeta = (e: React.SyntheticEvent<HTMLVideoElement>) => {
    const v = e.currentTarget;
    if (v.dataset.active === 'true' && v.videoWidth > 0) setAspect(v.videoWidth / v.videoHeight);
  };

  return (
    <aside
      id="lib-details"
      ref={root}
      tabIndex={-1}
      className="lib-details sb-player"
      aria-label={t('storyboard.player')}
      data-entry={entry}
      data-clip-key={current?.key}
      data-playing={playing || undefined}
      data-ended={ended || undefined}
      data-first-frames={JSON.stringify(firstFrames)}
    >
      <section className="viewer" style={{ ['--clip-aspect' as string]: aspect }}>
        <div className="viewer-stage">
          <div className="viewer-frame sb-player-frame" style={{ aspectRatio: String(aspect) }}>
            {/* Two elements, one shown: the other holds the next clip on its in-frame. */}
            <video ref={a} className="sb-deck" crossOrigin="anonymous" preload="auto" playsInline aria-hidden="true" onLoadedMetadata={onMeta} onPlaying={onMeta} onClick={() => deck.current?.togglePause()} />
            <video ref={b} className="sb-deck" crossOrigin="anonymous" preload="auto" playsInline aria-hidden="true" onLoadedMetadata={onMeta} onPlaying={onMeta} onClick={() => deck.current?.togglePause()} />
          </div>
        </div>
        <div className="sb-player-progress" aria-hidden="true">
          {timeline.entries.map((e, i) => (
            <span key={e.key} data-current={i === entry || undefined} data-past={i < entry || undefined} style={{ flexGrow: (e.outF - e.inF) / e.clock.fps }}>
              {i === entry ? <span className="sb-player-played" style={{ width: `${Math.min(100, Math.max(0, ((time - e.start) / ((e.outF - e.inF) / e.clock.fps)) * 100))}%` }} /> : null}
            </span>
          ))}
        </div>
        <div className="viewer-bar">
          <div className="viewer-group">
            <button type="button" className="viewer-btn" aria-label={playing ? t('viewer.pause') : t('viewer.play')} title={playing ? t('viewer.pause') : t('viewer.play')} onClick={() => deck.current?.togglePause()}>
              <Icon name={playing ? 'pause' : 'play'} />
            </button>
          </div>
          <div className="viewer-readout">
            <span className="viewer-tc" data-testid="sequence-timecode" data-seconds={time.toFixed(3)} aria-label={t('storyboard.sequenceTime')}>
              {shortTimecode(time, fps)} / {shortTimecode(timeline.total, fps)}
            </span>
            <span className="viewer-count" data-testid="sequence-clip">
              {t('storyboard.playingClip', { n: (current?.index ?? 0) + 1, total: timeline.entries.length })}
            </span>
          </div>
          <div className="viewer-group viewer-end">
            <button type="button" className="sb-small" onClick={() => useSequencePlayback.getState().stop()}>
              {t('storyboard.stopSequence')}
            </button>
          </div>
        </div>
        {current ? (
          <p className="sb-player-caption" title={clipName}>
            <span className="sb-player-name">{clipName}</span>
            <span className="sb-player-trim">
              {t('storyboard.in')} {shortTimecode(current.inF / current.clock.fps, current.clock.fps)} · {t('storyboard.out')} {shortTimecode(current.outF / current.clock.fps, current.clock.fps)}
            </span>
          </p>
        ) : null}
      </section>
    </aside>
  );
}
