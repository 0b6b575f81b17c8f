import { useEffect, useRef, useState } from 'react';
import { isPortrait } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { useClipMarks, type Marks } from '../../selection/clip-marks';
import { useT } from '../../i18n';
import { frameAt, frameOfTimestamp, type FrameClock } from './frame-math';
import { SafeAreaOverlay } from './SafeAreaOverlay';
import { Scrubber } from './Scrubber';
import { useFrameClock } from './use-frame-clock';
import { FrameActionsBar, TransportBar } from './ViewerBar';
import { ViewerController } from './viewer-controller';
import { setActiveViewer } from './viewer-keys';
import { useViewerPrefs } from './viewer-prefs';
import './viewer.css';

const NO_MARKS: Marks = {};

export interface ViewerProps {
  video: VideoView;
  /** "Use this frame as first / last frame": the <video> shows the frame to take (paused on it), `frame` its index. */
  onUseFrame?(role: 'first' | 'last', picture: HTMLVideoElement, frame: number | undefined): void;
  /** "Continue from this frame": the <video> shows the frame to start the next clip from (paused on it). */
  onContinue?(picture: HTMLVideoElement, clock: FrameClock | undefined): void;
}

/**
 * The one viewer (Library details now, Studio later): the clip, its timeline and a one-row control
 * bar. Frame-accurate: the frame clock comes from the file (probe.ts), the counter and timecode from
 * the frame actually presented. Mount it with `key={video.id}`: every clip starts fresh.
 */
export function Viewer({ video, onUseFrame, onContinue }: ViewerProps) {
  const t = useT();
  const el = useRef<HTMLVideoElement>(null);
  const ctl = useRef<ViewerController | undefined>(undefined);
  const clockState = useFrameClock(video.videoMissing ? undefined : video.mediaUrl);
  const clock = clockState.kind === 'known' ? clockState.clock : undefined;
  const clockRef = useRef(clock);
  clockRef.current = clock;
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(0);
  const [size, setSize] = useState<{ w: number; h: number }>(isPortrait(video) ? { w: 9, h: 16 } : { w: 16, h: 9 });
  const marks = useClipMarks((s) => s.marks[video.id] ?? NO_MARKS);
  const { loop, muted, guides } = useViewerPrefs();

  useEffect(() => {
    const v = el.current;
    if (!v) return;
    const c = new ViewerController(video.id, v, () => clockRef.current, setRate);
    ctl.current = c;
    const release = setActiveViewer(c);
    return () => {
      release();
      c.dispose();
      ctl.current = undefined;
    };
  }, [video.id]);

  // The counter follows the frame on screen: while playing, each presented frame's own timestamp;
  // after a seek or a pause, the position.
  useEffect(() => {
    const v = el.current;
    if (!v) return;
    const fromPosition = () => {
      const c = clockRef.current;
      if (c) setFrame(frameAt(c, v.currentTime));
    };
    let handle = 0;
    const onPresented: VideoFrameRequestCallback = (_now, meta) => {
      const c = clockRef.current;
      if (c && !v.paused) setFrame(frameOfTimestamp(c, meta.mediaTime));
      handle = v.requestVideoFrameCallback(onPresented);
    };
    const hasFrameCallback = typeof v.requestVideoFrameCallback === 'function';
    if (hasFrameCallback) handle = v.requestVideoFrameCallback(onPresented);
    const playState = () => setPlaying(!v.paused);
    const events: [string, () => void][] = [
      ['seeked', fromPosition],
      ['pause', fromPosition],
      ['loadeddata', fromPosition],
      ['play', playState],
      ['pause', playState],
      ['ended', playState],
      ['loadedmetadata', () => v.videoWidth > 0 && setSize({ w: v.videoWidth, h: v.videoHeight })],
      // Without frame callbacks (an older engine), the position's own events are the best there is.
      ...(hasFrameCallback ? [] : ([['timeupdate', fromPosition]] as [string, () => void][])),
    ];
    for (const [name, fn] of events) v.addEventListener(name, fn);
    return () => {
      if (hasFrameCallback) v.cancelVideoFrameCallback(handle);
      for (const [name, fn] of events) v.removeEventListener(name, fn);
    };
  }, [video.id]);

  useEffect(() => {
    if (clock && el.current) setFrame(frameAt(clock, el.current.currentTime));
  }, [clock]);

  useEffect(() => {
    if (el.current) el.current.muted = muted;
  }, [muted]);

  if (video.videoMissing) {
    return (
      <section className="viewer" aria-label={t('viewer.label')}>
        <p className="viewer-missing">{t('viewer.missing')}</p>
      </section>
    );
  }

  const useFrame = (role: 'first' | 'last') => {
    const v = el.current;
    if (!v || !onUseFrame) return;
    // Paused exactly on the frame on screen: what is grabbed is what the counter says.
    ctl.current?.step(0);
    onUseFrame(role, v, clock ? frameAt(clock, v.currentTime) : undefined);
  };

  const continueHere = () => {
    const v = el.current;
    if (!v || !onContinue) return;
    ctl.current?.step(0);
    onContinue(v, clock);
  };

  return (
    <section className="viewer" aria-label={t('viewer.label')} data-clip-id={video.id} style={{ ['--clip-aspect' as string]: size.w / size.h }}>
      <div className="viewer-stage">
        <div className="viewer-frame" style={{ aspectRatio: `${size.w} / ${size.h}` }}>
          <video
            ref={el}
            src={video.mediaUrl}
            crossOrigin="anonymous"
            preload="auto"
            playsInline
            loop={loop}
            aria-label={t('viewer.video')}
            data-frame={frame}
            data-fps={clock?.fps}
            data-frames={clock?.frames}
            onClick={() => ctl.current?.togglePlay()}
          />
          {guides ? <SafeAreaOverlay width={size.w} height={size.h} /> : null}
        </div>
      </div>
      <Scrubber clock={clock} frame={frame} marks={marks} onScrub={(n) => ctl.current?.scrubTo(n)} />
      <TransportBar clockState={clockState} frame={frame} playing={playing} rate={rate} control={() => ctl.current} />
      <FrameActionsBar clipId={video.id} clock={clock} marks={marks} onUseFrame={onUseFrame ? useFrame : undefined} onContinue={onContinue ? continueHere : undefined} />
    </section>
  );
}
