import type { JobView } from '../../../../shared/ipc/views.js';
import { frameSrc } from '../compose/frames';
import { frameFromView } from '../compose/request';
import { useTakeMedia } from '../studio/take-media';
import { firstVideoId } from './job-format';

/** A job's picture in the drawer: the poster of its first saved take, else its first frame, else a quiet block. */
export function JobThumb({ job }: { job: JobView }) {
  const media = useTakeMedia(firstVideoId(job));
  const poster = media && media !== 'missing' ? media.posterUrl : undefined;
  const frame = frameFromView(job.request.first_frame_image);
  const src = poster ?? (frame ? frameSrc(frame) : undefined);
  const portrait = job.request.aspect_ratio === '9:16';
  return (
    <div className={`job-thumb${portrait ? ' job-thumb-portrait' : ''}`} data-thumb={poster ? 'poster' : src ? 'frame' : 'none'} aria-hidden="true">
      {src ? <img src={src} alt="" loading="lazy" decoding="async" draggable={false} /> : null}
    </div>
  );
}
