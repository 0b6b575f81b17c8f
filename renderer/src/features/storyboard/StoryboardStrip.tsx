import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { errorText } from '../../error-text';
import { useClipMarks } from '../../selection/clip-marks';
import { useSelectedVideo } from '../../selection/selected-video';
import { ExportControl, ExportStatus } from './ExportControl';
import { SequencePicker } from './SequencePicker';
import { useSequencePlayback } from './sequence-playback';
import { buildTimeline } from './sequence-timeline';
import { clipSeconds, shortTimecode } from './storyboard-edit';
import { useStoryboard } from './storyboard-store';
import { StoryClipCard } from './StoryClipCard';
import './storyboard.css';

/**
 * The storyboard under the library: a sequence's clips left to right, each as
 * long as its trim, built from the open clip's I/O marks, and exported as one MP4.
 */
export function StoryboardStrip() {
  const t = useT();
  const clips = useStoryboard((s) => s.clips);
  const error = useStoryboard((s) => s.error);
  const video = useSelectedVideo((s) => s.video);
  const marks = useClipMarks((s) => (video ? s.marks[video.id] : undefined));
  const [open, setOpen] = useState(true);
  const playingKey = useSequencePlayback((s) => (s.timeline ? s.timeline.entries[s.entry]?.key : undefined));
  const sequenceOn = useSequencePlayback((s) => s.timeline !== undefined);
  const [drag, setDrag] = useState<{ from: number; over: number | undefined } | undefined>();

  useEffect(() => void useStoryboard.getState().refresh(), []);

  const total = clips.reduce((sum, c) => sum + (clipSeconds(c) ?? 0), 0);
  const store = useStoryboard.getState;
  const playable = buildTimeline(clips).entries.length > 0;

  return (
    <section className="storyboard" aria-label={t('storyboard.label')} data-open={open || undefined}>
      <div className="sb-bar">
        <button type="button" className="sb-toggle quiet" aria-expanded={open} aria-label={open ? t('storyboard.hide') : t('storyboard.show')} onClick={() => setOpen(!open)}>
          <span aria-hidden="true" className="sb-caret">
            ▸
          </span>
          <span className="sb-heading">{t('storyboard.label')}</span>
        </button>
        <SequencePicker />
        <span className="sb-total" data-testid="storyboard-total">
          {t('storyboard.total', { count: clips.length, time: shortTimecode(total, 24) })}
        </span>
        <ExportStatus />
        <button
          type="button"
          className="sb-small sb-add"
          disabled={!video || video.videoMissing}
          title={t('storyboard.addHint')}
          onClick={() => {
            if (!video) return;
            setOpen(true);
            void store().add(video, marks ?? {});
          }}
        >
          + {t('storyboard.add')}
        </button>
        <button
          type="button"
          className="sb-small sb-play"
          aria-pressed={sequenceOn}
          disabled={!sequenceOn && !playable}
          title={t('storyboard.playHint')}
          onClick={() => (sequenceOn ? useSequencePlayback.getState().stop() : useSequencePlayback.getState().start())}
        >
          {sequenceOn ? `■ ${t('storyboard.stopSequence')}` : `▶ ${t('storyboard.playSequence')}`}
        </button>
        <ExportControl />
      </div>
      {error ? (
        <p className="sb-error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
      {open ? (
        clips.length === 0 ? (
          <p className="sb-empty">{t('storyboard.empty')}</p>
        ) : (
          <ol className="sb-clips" onDragLeave={(e) => e.currentTarget === e.target && setDrag((d) => d && { ...d, over: undefined })}>
            {clips.map((clip, i) => (
              <StoryClipCard
                key={clip.key}
                clip={clip}
                index={i}
                count={clips.length}
                playing={clip.key === playingKey}
                dragging={drag?.from === i}
                dropBefore={drag !== undefined && drag.over === i && drag.from !== i}
                onTrim={(edge, frames) => store().trim(i, edge, frames)}
                onMove={(to) => store().move(i, to)}
                onRemove={() => store().remove(i)}
                onDragStart={() => setDrag({ from: i, over: undefined })}
                onDragOver={() => setDrag((d) => d && (d.over === i ? d : { ...d, over: i }))}
                onDrop={() => {
                  if (drag) store().move(drag.from, i);
                  setDrag(undefined);
                }}
                onDragEnd={() => setDrag(undefined)}
              />
            ))}
          </ol>
        )
      ) : null}
    </section>
  );
}
