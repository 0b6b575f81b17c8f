import { ALL_FORMATS, FilePathSource, Input } from 'mediabunny';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { verifyMp4 } from '../library/verify-mp4.js';

/**
 * A re-encoded export comes from the page: before it is given a name beside
 * the clips it must be an MP4 that parses, with a video track, and about as
 * long as the sequence (a page that stopped half way must not leave half a
 * scene under the scene's name). Returns its duration.
 */
export async function checkExportedFile(path: string, expectedS: number): Promise<number> {
  await verifyMp4(path).catch((err: unknown) => {
    throw appFailure('invalid_file', errorMessage('export.invalid'), { retryable: false, detail: err instanceof Error ? err.message : String(err) });
  });
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack().catch(() => null);
    if (!video) throw appFailure('invalid_file', errorMessage('export.invalid'), { retryable: false, detail: 'no video track' });
    const duration = await input.computeDuration();
    // Half a second or 2 %: the encoder's last frame and the audio's packet size move the end a little.
    if (Math.abs(duration - expectedS) > Math.max(0.5, expectedS * 0.02)) {
      throw appFailure('invalid_file', errorMessage('export.invalid'), { retryable: false, detail: `${duration.toFixed(3)} s long, expected ${expectedS.toFixed(3)} s` });
    }
    return duration;
  } finally {
    input.dispose();
  }
}
