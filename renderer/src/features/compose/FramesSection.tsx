import { Segmented } from '../../components/Segmented';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';
import { FrameZone } from './FrameZone';
import { SETTING_UI } from './settings-ui';

/** First and last frame, swap, and how the first frame is fitted (only once there is one). */
export function FramesSection() {
  const t = useT();
  const hasFirst = useComposeStore((s) => s.first !== undefined);
  const hasLast = useComposeStore((s) => s.last !== undefined);
  // Unset is the provider's default, pad.
  const resizeMode = useComposeStore((s) => s.resize_mode ?? 'pad');
  const update = useComposeStore((s) => s.update);
  const swap = useComposeStore((s) => s.swapFrames);
  const dropped = useComposeStore((s) => s.droppedFrames);
  return (
    <section className="frames" aria-labelledby="frames-title">
      <div className="section-head">
        <h3 id="frames-title">{t('compose.frames.title')}</h3>
        <button type="button" className="quiet small" disabled={!hasFirst || !hasLast} onClick={swap}>
          ⇄ {t('compose.frame.swap')}
        </button>
      </div>
      <p className="hint">{t('compose.frames.hint')}</p>
      <div className="frame-zones">
        <FrameZone role="first" disabled={false} />
        <FrameZone role="last" disabled={!hasFirst} />
      </div>
      {dropped > 0 ? <p className="frame-warn">{t('compose.frame.dropped')}</p> : null}
      {hasFirst ? (
        <div className="field">
          <Segmented
            legend={t(SETTING_UI.resize_mode.label)}
            name="resize"
            value={resizeMode}
            options={[
              { value: 'pad', label: t('compose.resize.pad') },
              { value: 'crop', label: t('compose.resize.crop') },
            ]}
            onChange={(m) => update({ resize_mode: m })}
            describedBy="resize-hint"
          />
          <p id="resize-hint" className="hint">
            {t(resizeMode === 'pad' ? 'compose.resize.padHint' : 'compose.resize.cropHint')}
          </p>
        </div>
      ) : null}
    </section>
  );
}
