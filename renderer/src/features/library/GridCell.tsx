import { memo } from 'react';
import { isPortrait, titleOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import type { PickMode } from './library-store';

/**
 * One poster in the grid: an <img> when a poster exists, a neutral block until
 * then. Deliberately few nodes (the grid must stay small at 10,000 videos).
 */
export const GridCell = memo(function GridCell({
  video,
  index,
  selected,
  primary,
  width,
  onPick,
}: {
  video: VideoView | undefined;
  index: number;
  /** In the selection. */
  selected: boolean;
  /** The selection's primary: the clip in the viewer, the one keys act on. */
  primary: boolean;
  width: number;
  onPick(index: number, mode: PickMode): void;
}) {
  const portrait = video !== undefined && isPortrait(video);
  return (
    <div
      role="option"
      id={`lib-cell-${index}`}
      aria-selected={selected}
      aria-label={video && titleOf(video)}
      className={`lib-cell${selected ? ' selected' : ''}${primary ? ' primary' : ''}`}
      style={{ width }}
      data-video-id={video?.id}
      onClick={(e) => onPick(index, e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only')}
    >
      {video?.posterUrl ? (
        <img className={portrait ? 'lib-thumb portrait' : 'lib-thumb'} src={video.posterUrl} alt="" loading="lazy" decoding="async" draggable={false} />
      ) : (
        <div className={`lib-thumb placeholder${video?.videoMissing ? ' missing' : ''}`} />
      )}
      <div className="lib-caption">
        {video?.favorite ? '★ ' : ''}
        {video ? titleOf(video) : '\u00a0'}
      </div>
    </div>
  );
});
