import { memo } from 'react';
import type { VideoView } from '../../../../shared/ipc/views.js';

/**
 * One poster in the grid: an <img> when a poster exists, a neutral block until
 * then. Deliberately few nodes (the grid must stay small at 10,000 videos).
 */
export const GridCell = memo(function GridCell({ video, index, selected, width, onPick }: { video: VideoView | undefined; index: number; selected: boolean; width: number; onPick(index: number): void }) {
  const portrait = video?.request.aspect_ratio === '9:16';
  return (
    <div
      role="option"
      id={`lib-cell-${index}`}
      aria-selected={selected}
      aria-label={video?.request.prompt}
      className={`lib-cell${selected ? ' selected' : ''}`}
      style={{ width }}
      data-video-id={video?.id}
      onClick={() => onPick(index)}
    >
      {video?.posterUrl ? (
        <img className={portrait ? 'lib-thumb portrait' : 'lib-thumb'} src={video.posterUrl} alt="" loading="lazy" decoding="async" draggable={false} />
      ) : (
        <div className={`lib-thumb placeholder${video?.videoMissing ? ' missing' : ''}`} />
      )}
      <div className="lib-caption">
        {video?.favorite ? '★ ' : ''}
        {video?.request.prompt ?? '\u00a0'}
      </div>
    </div>
  );
});
