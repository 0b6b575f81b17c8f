import type { JobView } from '../../../../shared/ipc/views.js';
import { useT, type MessageKey } from '../../i18n';
import { formatSeconds, isActive, jobFraction, problemOf, type Problem } from '../queue/job-format';
import { useActivityStore } from '../queue/activity-store';
import { useNow } from '../queue/use-now';
import { WaitingText } from '../queue/WaitingText';
import { hoverTile, leaveTile, useHoverStore } from './hover-store';
import { openVideo } from './open-video';
import { useStudioStore } from './studio-store';
import { useTakeMedia } from './take-media';

const PROBLEM_SHORT: Record<Problem, MessageKey> = {
  key: 'tile.problem.key',
  missingKey: 'tile.problem.missingKey',
  payment: 'tile.problem.payment',
  rateLimited: 'tile.problem.rateLimited',
  contentPolicy: 'tile.problem.contentPolicy',
  expired: 'tile.problem.expired',
  network: 'tile.problem.network',
  stopped: 'tile.problem.stopped',
  other: 'tile.problem.other',
  approval: 'tile.problem.approval',
};

interface TileProps {
  job: JobView;
  index: number;
  width: number;
  height: number;
}

/** One take of a job in the feed: waiting, in progress, the clip itself, or what went wrong. */
export function TakeTile({ job, index, width, height }: TileProps) {
  const output = job.outputs[index];
  const style = { width, height };
  if (output?.saved && output.videoId) return <ClipTile job={job} index={index} videoId={output.videoId} style={style} />;
  if (job.state === 'queued') {
    return (
      <div className="tile tile-waiting" style={style} data-tile-state="waiting">
        {index === 0 ? <WaitingText id={job.id} className="tile-caption" /> : null}
      </div>
    );
  }
  if (isActive(job)) return <WorkingTile job={job} first={index === 0} style={style} />;
  return <ProblemTile job={job} first={index === 0} style={style} />;
}

/** Progress while the provider works, with the time left when it gave an estimate. Only the first tile speaks. */
function WorkingTile({ job, first, style }: { job: JobView; first: boolean; style: { width: number; height: number } }) {
  const t = useT();
  const now = useNow(true);
  const fraction = jobFraction(job);
  const start = job.submittedAt ?? job.createdAt;
  const left = job.estimatedTimeS !== undefined ? job.estimatedTimeS - (now - start) / 1000 : undefined;
  const pct = fraction === undefined ? undefined : Math.round(fraction * 100);
  return (
    <div className={`tile tile-working${pct === undefined ? ' tile-busy' : ''}`} style={style} data-tile-state="working">
      {first ? (
        <div className="tile-caption">
          <span className="tile-state">{t(`state.${job.state}`)}</span>
          {pct !== undefined ? <strong className="tile-percent">{t('queue.progress', { percent: pct })}</strong> : null}
          <span className="tile-eta">
            {left === undefined ? t('tile.elapsed', { elapsed: formatSeconds((now - start) / 1000) }) : left > 1 ? t('tile.left', { left: formatSeconds(left) }) : t('tile.almost')}
          </span>
        </div>
      ) : null}
      {pct !== undefined ? (
        <div className="tile-progress" aria-hidden="true">
          <div style={{ width: `${pct}%` }} />
        </div>
      ) : null}
    </div>
  );
}

/** Failed, expired, stopped or waiting for the person: the problem in a few words, the whole story in the activity drawer. */
function ProblemTile({ job, first, style }: { job: JobView; first: boolean; style: { width: number; height: number } }) {
  const t = useT();
  const problem = problemOf(job);
  const words = job.state === 'needs_attention' ? t('tile.problem.attention') : job.state === 'done' ? t('tile.notSaved') : t(PROBLEM_SHORT[problem ?? 'other']);
  return (
    <div className={`tile tile-problem tile-${job.state}`} style={style} data-tile-state="problem">
      {first ? (
        <div className="tile-caption">
          <span className="tile-problem-text">{words}</span>
          <button type="button" className="small" onClick={() => useActivityStore.getState().openAt(job.id)}>
            {t('tile.details')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** A saved take: its poster, and on hover the clip itself, muted and looping. Pressing it opens it in the viewer. */
function ClipTile({ job, index, videoId, style }: { job: JobView; index: number; videoId: string; style: { width: number; height: number } }) {
  const t = useT();
  const media = useTakeMedia(videoId);
  const key = `${job.id}:${index}`;
  const playing = useHoverStore((s) => s.tile === key);
  const open = useStudioStore((s) => s.viewing === videoId);
  const video = media && media !== 'missing' ? media : undefined;
  const missing = media === 'missing' || video?.videoMissing === true;
  // The library's numbering once known: a sweep's or a batch row's takes count across its jobs.
  const takes = video?.takes ?? Math.max(job.request.sample_count, job.outputs.length);
  const take = video?.take ?? index + 1;
  const label = takes > 1 ? t('tile.openTake', { n: take, count: takes }) : t('tile.open');
  return (
    <button
      type="button"
      className={`tile tile-clip${missing ? ' tile-missing' : ''}${open ? ' tile-open' : ''}`}
      aria-current={open ? 'true' : undefined}
      style={style}
      data-tile-state="clip"
      data-video-id={videoId}
      aria-label={`${label}: ${job.request.prompt.slice(0, 80)}`}
      onMouseEnter={() => hoverTile(key)}
      onMouseLeave={() => leaveTile(key)}
      onClick={() => void openVideo(videoId)}
    >
      {video?.posterUrl ? <img src={video.posterUrl} alt="" loading="lazy" decoding="async" draggable={false} /> : null}
      {playing && video && !video.videoMissing ? <video src={video.mediaUrl} muted loop autoPlay playsInline preload="auto" aria-hidden="true" /> : null}
      {missing ? <span className="tile-caption tile-missing-text">{t('tile.missing')}</span> : null}
      <span className="tile-badges" aria-hidden="true">
        {takes > 1 ? <span className="tile-badge" data-take={take}>{t('lineage.take', { n: take })}</span> : null}
        <span className="tile-badge">{t('compose.duration.value', { n: job.request.duration })}</span>
      </span>
    </button>
  );
}
