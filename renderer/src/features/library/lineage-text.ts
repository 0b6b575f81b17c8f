import type { LineageFrame } from '../../../../shared/domain/shot.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import type { useT } from '../../i18n';

/** How takes and lineage frames are said, wherever a clip's family is shown. */

type T = ReturnType<typeof useT>;

/** "Take 2 of 3"; nothing for the only take of its shot, where the number tells nothing. */
export function takeText(t: T, v: Pick<VideoView, 'take' | 'takes'>): string | undefined {
  if (v.take === undefined || v.takes === undefined || v.takes < 2) return undefined;
  return t('lineage.takeOf', { n: v.take, count: v.takes });
}

export function fromText(t: T, frame: LineageFrame): string {
  if (frame === 'first') return t('lineage.from.first');
  if (frame === 'last') return t('lineage.from.last');
  return t('lineage.from.seconds', { seconds: frame });
}

/** What the first frame's card says of a frame grabbed from a library clip. */
export function frameNoteText(t: T, frame: LineageFrame): string {
  if (frame === 'first') return t('lineage.frameNote.first');
  if (frame === 'last') return t('lineage.frameNote.last');
  return t('lineage.frameNote.seconds', { seconds: frame });
}
