import { useId, type ReactNode } from 'react';
import { isKeyframeView, titleOf } from '../../../../shared/ipc/video-view-facts.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { errorText } from '../../error-text';
import { useT } from '../../i18n';
import { openResult } from '../studio/open-video';
import { fromText, takeText } from './lineage-text';
import { useLineage } from './use-lineage';

/** One relative: its poster, take and first line of prompt; pressing it opens it where the person is (studio viewer or library). */
function Relative({ video, note }: { video: VideoView; note?: string | undefined }) {
  const t = useT();
  const take = takeText(t, video);
  const firstLine = titleOf(video).split('\n')[0] ?? '';
  return (
    <li>
      <button type="button" className="lineage-item" data-video-id={video.id} onClick={() => openResult(video.id)}>
        <span className="lineage-thumb" aria-hidden="true">
          {video.posterUrl ? <img src={video.posterUrl} alt="" loading="lazy" decoding="async" draggable={false} /> : null}
        </span>
        <span className="lineage-text">
          <span className="lineage-prompt">{firstLine}</span>
          <span className="lineage-meta">{[take, note].filter(Boolean).join(' · ')}</span>
        </span>
      </button>
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="lineage-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function List({ videos, empty, note }: { videos: VideoView[]; empty: string; note?: (v: VideoView) => string | undefined }) {
  if (videos.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="lineage-list">
      {videos.map((v) => (
        <Relative key={v.id} video={v} note={note?.(v)} />
      ))}
    </ul>
  );
}

/** The clip's family: the clip it continues, the clips continuing it, and the other takes of its shot. */
export function LineagePanel({ video }: { video: VideoView }) {
  const t = useT();
  const state = useLineage(video.id);
  const ids = useId();
  if (state.kind === 'loading') return <p className="hint">{t('lineage.loading')}</p>;
  if (state.kind === 'failed') return <p className="form-error" role="alert">{errorText(t, state.error)}</p>;
  const { view } = state;
  const own = isKeyframeView(video) ? video.lineage : undefined;
  return (
    <div className="lineage" data-lineage-of={video.id}>
      <Section id={`${ids}-parent`} title={t('lineage.parent')}>
        {view.parent ? (
          <List videos={[view.parent]} empty="" note={() => (own ? fromText(t, own.frame) : undefined)} />
        ) : view.parentId !== undefined ? (
          <p className="hint">{t('lineage.parentGone', { id: view.parentId })}</p>
        ) : (
          <p className="hint">{t('lineage.noParent')}</p>
        )}
      </Section>
      <Section id={`${ids}-children`} title={t('lineage.children')}>
        <List videos={view.children} empty={t('lineage.noChildren')} note={(v) => (isKeyframeView(v) && v.lineage ? fromText(t, v.lineage.frame) : undefined)} />
      </Section>
      <Section id={`${ids}-siblings`} title={t('lineage.siblings')}>
        <List videos={view.siblings} empty={t('lineage.noSiblings')} />
      </Section>
    </div>
  );
}
