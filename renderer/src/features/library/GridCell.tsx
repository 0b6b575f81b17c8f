import { memo, useState, type PointerEvent } from 'react';
import { isPortrait, titleOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { useT, type MessageKey } from '../../i18n';
import { cellBadges, tagsText, takesText, type ModelKind } from './cell-badges';
import { HoverScrub } from './HoverScrub';
import type { PickMode } from './library-store';

const MODEL_KEY: Record<Exclude<ModelKind, 'other'>, MessageKey> = { fast: 'library.filter.fast', quality: 'library.filter.quality' };

/**
 * One poster in the grid, with its badges over it, and the clip itself under the pointer (hover-scrub:
 * the pointer's x is the time). Deliberately few nodes (the grid must stay small at 10,000 videos):
 * the badges are a handful of spans, the scrubbing <video> exists only in the hovered cell.
 */
export const GridCell = memo(function GridCell({
  video,
  index,
  selected,
  primary,
  stacked,
  width,
  onPick,
  onExpand,
}: {
  video: VideoView | undefined;
  index: number;
  /** In the selection. */
  selected: boolean;
  /** The selection's primary: the clip in the viewer, the one keys act on. */
  primary: boolean;
  /** The grid shows one cell per shot: this cell stands for all its takes. */
  stacked: boolean;
  width: number;
  onPick(index: number, mode: PickMode): void;
  onExpand(video: VideoView): void;
}) {
  const t = useT();
  const [scrubAt, setScrubAt] = useState<number | undefined>();
  const portrait = video !== undefined && isPortrait(video);
  const b = video ? cellBadges(video, stacked) : undefined;
  const meta = b
    ? [t('library.seconds', { n: b.seconds }), b.aspect, b.model === 'other' ? undefined : t(MODEL_KEY[b.model]), b.audio ? '♪' : undefined].filter(Boolean).join(' · ')
    : '';
  const tags = b ? tagsText(b.tags) : '';
  const badgeId = (part: string) => `lib-b${index}-${part}`;
  // The option's name is its prompt (the caption); the badges, hidden from the name, are its description,
  // read after the prompt in the order a sighted person reads them.
  const described = b ? [b.takes ? badgeId('k') : '', b.favorite ? badgeId('f') : '', badgeId('m'), tags ? badgeId('t') : ''].filter(Boolean).join(' ') : undefined;
  const track = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'touch' || !video || video.videoMissing) return;
    const box = e.currentTarget.getBoundingClientRect();
    setScrubAt(Math.min(1, Math.max(0, (e.clientX - box.left) / Math.max(1, box.width))));
  };
  return (
    <div
      role="option"
      id={`lib-cell-${index}`}
      aria-selected={selected}
      aria-describedby={described}
      className={`lib-cell${selected ? ' selected' : ''}${primary ? ' primary' : ''}`}
      style={{ width }}
      data-video-id={video?.id}
      data-take={b?.takes?.take}
      onClick={(e) => onPick(index, e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only')}
    >
      <div className="lib-poster" onPointerMove={track} onPointerEnter={track} onPointerLeave={() => setScrubAt(undefined)}>
        {video?.posterUrl ? (
          <img className={portrait ? 'lib-thumb portrait' : 'lib-thumb'} src={video.posterUrl} alt="" loading="lazy" decoding="async" draggable={false} />
        ) : (
          <div className={`lib-thumb placeholder${video?.videoMissing ? ' missing' : ''}`} />
        )}
        {video && scrubAt !== undefined ? <HoverScrub src={video.mediaUrl} at={scrubAt} portrait={portrait} /> : null}
        {b?.takes ? (
          <span
            id={badgeId('k')}
            aria-hidden="true"
            className={`lib-badge lib-badge-takes${stacked ? ' stack' : ''}`}
            title={stacked ? t('library.stack.expand', { n: b.takes.of }) : t('library.take', { n: b.takes.take ?? 1, of: b.takes.of })}
            onClick={
              stacked && video
                ? (e) => {
                    e.stopPropagation();
                    onExpand(video);
                  }
                : undefined
            }
          >
            {takesText(b.takes)}
          </span>
        ) : null}
        {b?.favorite ? (
          <span className="lib-badge lib-badge-fav" id={badgeId('f')} aria-hidden="true" title={t('library.favorite')}>
            ★
          </span>
        ) : null}
        {b ? (
          <span className="lib-badge lib-badge-meta" id={badgeId('m')} aria-hidden="true">
            {meta}
          </span>
        ) : null}
        {tags ? (
          <span className="lib-badge lib-badge-tags" id={badgeId('t')} aria-hidden="true">
            {tags}
          </span>
        ) : null}
      </div>
      <div className="lib-caption">{video ? titleOf(video) : '\u00a0'}</div>
    </div>
  );
});
