import { useT } from '../../i18n';
import { CostEstimate } from './CostEstimate';
import { MoreOptions } from './MoreOptions';
import type { FieldErrors } from './request';
import { submitError } from './settings-ui';
import { SubmitBar } from './SubmitBar';
import { VideoOptions } from './VideoOptions';

/**
 * The Studio's left rail: the options as compact rows (scrolling on their own
 * when the window is short) and, pinned at the bottom whatever the scroll,
 * the cost and Generate.
 */
export function OptionsRail({ errors, onGenerate }: { errors: FieldErrors; onGenerate(): void }) {
  const t = useT();
  return (
    <section className="rail" aria-labelledby="rail-title">
      <div className="rail-scroll">
        <h2 id="rail-title" className="rail-title">
          {t('compose.section.video')}
        </h2>
        <VideoOptions errors={errors} />
        <MoreOptions errors={errors} />
      </div>
      <div className="rail-foot">
        <CostEstimate />
        <SubmitBar requestError={submitError(errors)} onGenerate={onGenerate} />
      </div>
    </section>
  );
}
