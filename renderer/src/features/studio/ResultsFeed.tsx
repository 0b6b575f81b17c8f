import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useComposeStore } from '../compose/compose-store';
import { useQueueStore } from '../queue/queue-store';
import { feedLayout, jobHeight } from './feed-layout';
import { FeedJob } from './FeedJob';

/** Padding inside the feed's scroll box. */
const PAD = 16;
/** The feed's widest, centred on a wide window; the prompt dock under it is as wide (.prompt-dock in studio.css). */
export const FEED_MAX = 1320;

/**
 * The results feed: every job, newest first, as its takes. Virtualised: only
 * the jobs in (and just around) the view are on the page, so a long history
 * costs nothing. A job just queued scrolls the feed back to the top, where it is.
 */
export function ResultsFeed() {
  const t = useT();
  const order = useQueueStore((s) => s.order);
  const loaded = useQueueStore((s) => s.loaded);
  const scroll = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState(0);

  useLayoutEffect(() => {
    const el = scroll.current;
    if (!el) return undefined;
    const measure = (): void => setBox(el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const width = Math.min(FEED_MAX, box - 2 * PAD);
  const left = Math.max(PAD, Math.floor((box - width) / 2));
  const layout = feedLayout(width);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroll.current,
    getItemKey: (i) => order[i] ?? i,
    estimateSize: (i) => {
      const job = useQueueStore.getState().jobs[order[i] ?? ''];
      return jobHeight(layout, Math.max(job?.request.sample_count ?? 1, job?.outputs.length ?? 0), job?.request.aspect_ratio ?? '16:9');
    },
    overscan: 3,
    paddingStart: PAD,
    paddingEnd: PAD,
  });
  useEffect(() => virtualizer.measure(), [layout.tileW, virtualizer]);

  useEffect(
    () =>
      useComposeStore.subscribe((s, prev) => {
        if (s.lastJobId && s.lastJobId !== prev.lastJobId) scroll.current?.scrollTo({ top: 0 });
      }),
    [],
  );

  return (
    <div ref={scroll} className="feed-scroll" data-jobs={order.length}>
      {loaded && order.length === 0 ? (
        <div className="feed-empty">
          <p className="feed-empty-title">{t('feed.emptyTitle')}</p>
          <p className="feed-empty-body">{t('feed.emptyBody')}</p>
        </div>
      ) : null}
      {width > 0 ? (
        <div className="feed-list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="feed-item"
              style={{ transform: `translateY(${item.start}px)`, left, width: layout.width }}
            >
              <FeedJob id={order[item.index] ?? ''} layout={layout} />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
