import { IMAGE_MAX_BYTES } from '../../../../shared/domain/generation-options.js';
import type { FrameView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { storedToken } from '../../host-token';
import type { ComposeFrame } from './draft';

/** The image types main's frame store accepts (it sniffs the bytes again). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const ACCEPT_ATTR = ACCEPTED_TYPES.join(',');
const EXTENSIONS = /\.(jpe?g|png|webp|gif)$/i;

export type FrameProblem = { kind: 'type'; name: string } | { kind: 'size'; name: string; bytes: number };

/** Checked before anything is read or sent: a clear reason, or undefined when the file may go. */
export function checkFile(file: File): FrameProblem | undefined {
  const typeOk = file.type ? (ACCEPTED_TYPES as readonly string[]).includes(file.type) : EXTENSIONS.test(file.name);
  if (!typeOk) return { kind: 'type', name: file.name || 'file' };
  if (file.size > IMAGE_MAX_BYTES) return { kind: 'size', name: file.name, bytes: file.size };
  return undefined;
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** Hands the file to main; resolves to what compose keeps. */
export async function importFile(file: File): Promise<ComposeFrame> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = (file.name || 'pasted-image').slice(0, 255);
  const view = await api.frames.import({ name, dataBase64: toBase64(bytes) });
  return { ...fromFrameView(view), name };
}

export function fromFrameView(v: FrameView): ComposeFrame {
  return {
    ref: { kind: 'frame', frameId: v.frameId },
    mime: v.mime,
    bytes: v.bytes,
    ...(v.width ? { width: v.width } : {}),
    ...(v.height ? { height: v.height } : {}),
    mediaUrl: v.mediaUrl,
  };
}

/**
 * Where the page can show an imported frame. A saved mediaUrl may carry a
 * browser-host token from an earlier run, so it is rebuilt from the frame id:
 * `keyframe-media://frame/<id>` in the app, `/media/frame/<id>?t=<token>` in the browser host.
 */
export function frameSrc(f: ComposeFrame): string | undefined {
  if (f.ref.kind === 'url') return f.ref.url;
  if (typeof window !== 'undefined' && window.api) return `keyframe-media://frame/${f.ref.frameId}`;
  const token = storedToken();
  if (token) return `/media/frame/${f.ref.frameId}?t=${token}`;
  return f.mediaUrl;
}

/** First image file in a DataTransfer (drop or paste), if any. */
export function fileFrom(dt: DataTransfer | null): File | undefined {
  if (!dt) return undefined;
  const files = Array.from(dt.files);
  if (files.length > 0) return files[0];
  for (const item of Array.from(dt.items)) {
    if (item.kind === 'file') {
      const f = item.getAsFile();
      if (f) return f;
    }
  }
  return undefined;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
