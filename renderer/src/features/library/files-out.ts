import type { VideoView } from '../../../../shared/ipc/views.js';
import { connection } from '../../api';

/**
 * Getting a video out of Keyframe. The desktop app has the file on this machine: "Show in folder" and
 * an OS drag. The browser host's page has neither (a browser cannot reveal or drag out a path), so it
 * offers a real download instead, and hides the two rather than showing buttons that cannot work.
 */

/** The page runs in a browser against the host (no preload), not in the desktop app. */
export const inBrowserHost = (): boolean => connection.kind !== 'preload';

/**
 * The host's media route answering as an attachment (`?download=1`: Content-Disposition with the file's
 * name). The media URL already carries its read-only media token, so the same token rules hold.
 */
export function downloadHref(video: Pick<VideoView, 'mediaUrl'>): string {
  return `${video.mediaUrl}${video.mediaUrl.includes('?') ? '&' : '?'}download=1`;
}

/** Starts a download of each video, named as in the output folder. */
export function downloadVideos(videos: readonly VideoView[]): void {
  for (const v of videos) {
    if (v.videoMissing) continue;
    const a = document.createElement('a');
    a.href = downloadHref(v);
    a.download = v.fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
}
