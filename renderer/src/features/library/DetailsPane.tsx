import { useEffect, useState, type ReactNode } from 'react';
import { titleOf } from '../../../../shared/ipc/video-view-facts.js';
import type { BareVideoView, KeyframeVideoView, VideoView } from '../../../../shared/ipc/views.js';
import { useLanguageStore, useT } from '../../i18n';
import { errorText } from '../../error-text';
import { useSelectedVideo } from '../../selection/selected-video';
import type { FrameClock } from '../viewer/frame-math';
import { Viewer } from '../viewer/Viewer';
import { frameToCompose } from './actions';
import { continueFromPicture } from './continue-from-frame';
import { DetailsActions } from './DetailsActions';
import { DetailsTabs } from './DetailsTabs';
import { useLibraryStore } from './library-store';
import { LineagePanel } from './LineagePanel';
import { takeText } from './lineage-text';
import { TagEditor } from './TagEditor';

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} kB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** "Take 2 of 4", and while takes are stacked a way to see them all (the keyboard's way to open a stack). */
function TakesLine({ video }: { video: VideoView }) {
  const t = useT();
  const stacked = useLibraryStore((s) => s.filters.group === 'shot' && s.filters.shot === undefined);
  if (!video.takes || video.takes < 2) return null;
  return (
    <p className="lib-takes">
      <span>{t('library.take', { n: video.take ?? 1, of: video.takes })}</span>
      {stacked && video.shotKey ? (
        <button type="button" className="quiet" onClick={() => useLibraryStore.getState().expandShot(video.shotKey ?? '', titleOf(video))}>
          {t('library.stack.expand', { n: video.takes })}
        </button>
      ) : null}
    </p>
  );
}

/** Everything known about the primary clip: the viewer and the actions stay in view, the record scrolls under them. */
export function DetailsPane() {
  const t = useT();
  const lang = useLanguageStore((s) => s.language);
  const video = useSelectedVideo((s) => s.video);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  useEffect(() => setStatus(undefined), [video?.id]);
  if (!video) {
    return (
      <aside className="lib-details empty-details" aria-label={t('library.details')}>
        <p className="hint">{t('library.details.none')}</p>
      </aside>
    );
  }
  const onOff = (b: boolean) => (b ? t('library.yes') : t('library.no'));
  const useFrame = async (role: 'first' | 'last', picture: HTMLVideoElement, frame: number | undefined) => {
    const result = await frameToCompose(video, picture, frame, role);
    if (result === 'not-wired') setStatus({ kind: 'error', text: t('library.action.notWired') });
    else setStatus(result ? { kind: 'error', text: errorText(t, result) } : { kind: 'ok', text: t('library.action.frameDone') });
  };
  const continueHere = async (parent: VideoView, picture: HTMLVideoElement, clock: FrameClock | undefined) => {
    const err = await continueFromPicture(parent, picture, clock);
    setStatus(err ? { kind: 'error', text: errorText(t, err) } : { kind: 'ok', text: t('lineage.continued') });
  };
  return (
    <aside id="lib-details" className="lib-details" aria-label={t('library.details')} data-video-id={video.id}>
      <Viewer
        key={video.id}
        video={video}
        onUseFrame={(role, picture, frame) => void useFrame(role, picture, frame)}
        // A continuation carries its parent's prompt and settings on: a bare video has none to carry.
        onContinue={(picture, clock) => void continueHere(video, picture, clock)}
      />
      <DetailsActions video={video} status={status} setStatus={setStatus} />
      <div className="lib-record">
        <TakesLine video={video} />
        <DetailsTabs
          panels={{
            details:
              video.kind === 'bare' ? (
                <BareDetails video={video} t={t} lang={lang} />
              ) : (
                <>
                  <TagEditor video={video} onError={(text) => setStatus(text ? { kind: 'error', text } : undefined)} />
                  <Details video={video} t={t} lang={lang} onOff={onOff} r={video.request} />
                </>
              ),
            lineage: <LineagePanel video={video} />,
          }}
        />
      </div>
    </aside>
  );
}

function Details({ video, t, lang, onOff, r }: { video: KeyframeVideoView; t: ReturnType<typeof useT>; lang: string; onOff(b: boolean): string; r: KeyframeVideoView['request'] }) {
  const take = takeText(t, video);
  const frames = video.frames.map((f) => `${t(`library.details.frame.${f.role}`)}: ${f.name ?? f.sourceUrl ?? '—'}`).join(' · ');
  return (
    <dl className="lib-meta">
      <Row label={t('library.details.prompt')}>
        <span className="lib-prompt">{r.prompt}</span>
      </Row>
      {r.negative_prompt ? <Row label={t('library.details.negative')}>{r.negative_prompt}</Row> : null}
      {take ? <Row label={t('lineage.details.take')}>{take}</Row> : null}
      <Row label={t('library.details.model')}>{video.model}</Row>
      <Row label={t('library.details.duration')}>{t('library.seconds', { n: r.duration })}</Row>
      <Row label={t('library.details.aspect')}>{r.aspect_ratio}</Row>
      <Row label={t('library.details.resolution')}>{r.resolution}</Row>
      <Row label={t('library.details.audio')}>{onOff(r.generate_audio)}</Row>
      <Row label={t('library.details.person')}>{r.person_generation === 'disallow' ? t('compose.person.disallow') : t('compose.person.allow')}</Row>
      {r.resize_mode ? <Row label={t('library.details.resize')}>{r.resize_mode}</Row> : null}
      <Row label={t('library.details.outputs')}>{r.sample_count}</Row>
      <Row label={t('library.details.seed')}>{video.seed ?? r.seed ?? t('library.details.seedRandom')}</Row>
      <Row label={t('library.details.cost')}>{video.costUsd === undefined ? t('library.details.costUnknown') : `$${video.costUsd.toFixed(2)}`}</Row>
      <Row label={t('library.details.provider')}>{video.provider}</Row>
      <Row label={t('library.details.taskId')}>
        <code>{video.taskId}</code>
      </Row>
      <Row label={t('library.details.file')}>
        <code>{video.fileName}</code>
      </Row>
      <Row label={t('library.details.size')}>{bytes(video.bytes)}</Row>
      <Row label={t('library.details.created')}>{new Date(video.createdAt).toLocaleString(lang)}</Row>
      <Row label={t('library.details.frames')}>{frames || t('library.details.framesNone')}</Row>
    </dl>
  );
}

/** A video without a sidecar: what its container says, and how it was made if Keyframe wrote that into the file. */
function BareDetails({ video, t, lang }: { video: BareVideoView; t: ReturnType<typeof useT>; lang: string }) {
  const c = video.container;
  const p = video.provenance;
  const codecs = [c.videoCodec, c.audioCodec ?? t('library.bare.noAudio')].filter((x) => x !== undefined).join(' · ');
  return (
    <>
      <p className="hint lib-bare-note">{p ? t('library.bare.embedded') : t('library.bare.noRecord')}</p>
      <dl className="lib-meta" data-bare="true">
      {p?.prompt ? (
        <Row label={t('library.details.prompt')}>
          <span className="lib-prompt">{p.prompt}</span>
        </Row>
      ) : null}
      {p?.model ? <Row label={t('library.details.model')}>{p.model}</Row> : null}
      {p?.seed !== undefined ? <Row label={t('library.details.seed')}>{p.seed}</Row> : null}
      {p?.taskId ? (
        <Row label={t('library.details.taskId')}>
          <code>{p.taskId}</code>
        </Row>
      ) : null}
      <Row label={t('library.details.duration')}>{t('library.seconds', { n: Math.round(c.durationS * 100) / 100 })}</Row>
      {c.width !== undefined && c.height !== undefined ? <Row label={t('library.bare.picture')}>{`${c.width} × ${c.height}`}</Row> : null}
      {c.fps !== undefined ? <Row label={t('library.bare.frameRate')}>{t('library.bare.fps', { n: Math.round(c.fps * 100) / 100 })}</Row> : null}
      <Row label={t('library.bare.codecs')}>{codecs}</Row>
      <Row label={t('library.bare.container')}>{c.format}</Row>
      <Row label={t('library.details.file')}>
        <code>{video.fileName}</code>
      </Row>
      <Row label={t('library.details.size')}>{bytes(video.bytes)}</Row>
      <Row label={t('library.details.created')}>{new Date(video.createdAt).toLocaleString(lang)}</Row>
      </dl>
    </>
  );
}
