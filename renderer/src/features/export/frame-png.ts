/**
 * The frame a <video> shows now, as a PNG at the video's own size: lossless,
 * so a still pulled from a take is as good as the take. The video must be
 * same-origin or CORS-readable (the media protocol and the host's media route
 * are), or the canvas is tainted and this throws.
 */
export async function currentFramePng(video: HTMLVideoElement): Promise<Blob> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (width === 0 || height === 0) throw new Error('The video has no frame to save yet.');
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas here.');
  ctx.drawImage(video, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/png' });
}
