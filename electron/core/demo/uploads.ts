import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { safeFileName } from './file-host.js';
import type { FileHost } from './file-host.js';
import { readBody } from './http-util.js';
import type { FakeClock, UploadRecord } from './types.js';

/**
 * POST /v1/uploads/images (contract §3): one multipart field `file`, jpeg /
 * png / webp / gif, at most 20 MB. Parsed with the WHATWG Request#formData()
 * built into Node, so no multipart dependency. Accepted images are written to a
 * private temp folder (removed on close) and served by the file host for 72 h.
 */

export const UPLOAD_MAX_BYTES = 20_971_520;
export const UPLOAD_TTL_MS = 72 * 60 * 60 * 1000;
const ALLOWED = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
/** Room for multipart boundaries and part headers on top of the file itself. */
const ENVELOPE_SLACK = 1024 * 1024;

export type UploadResult =
  | { ok: true; reply: { url: string; filename: string; content_type: string; bytes: number; created_at: number }; record: UploadRecord }
  | { ok: false; status: 400 | 413; message: string };

/** Lazily created temp folder for uploaded images. */
export class UploadDir {
  private dir: Promise<string> | undefined;

  get(): Promise<string> {
    this.dir ??= mkdtemp(join(tmpdir(), 'keyframe-demo-uploads-'));
    return this.dir;
  }

  async remove(): Promise<void> {
    if (!this.dir) return;
    const dir = await this.dir;
    await rm(dir, { recursive: true, force: true });
  }
}

export async function handleUpload(
  req: IncomingMessage,
  deps: { fileHost: FileHost; clock: FakeClock; dir: UploadDir },
): Promise<UploadResult> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) {
    // Drain so the client sees the 400 rather than a reset.
    await readBody(req, 0);
    return { ok: false, status: 400, message: 'missing file field: send multipart/form-data with a "file" field' };
  }
  const body = await readBody(req, UPLOAD_MAX_BYTES + ENVELOPE_SLACK);
  if (!body.ok) return tooLarge();

  let form: FormData;
  try {
    form = await new Request('http://upload.local/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body.body) }).formData();
  } catch {
    return { ok: false, status: 400, message: 'malformed multipart/form-data body' };
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') return { ok: false, status: 400, message: 'missing file field' };

  const type = (file.type.split(';')[0] ?? '').trim().toLowerCase() || 'application/octet-stream';
  if (!ALLOWED.has(type)) {
    return { ok: false, status: 400, message: `unsupported image type: ${type}, allowed: jpeg, png, gif, webp` };
  }
  if (file.size > UPLOAD_MAX_BYTES) return tooLarge();

  const bytes = Buffer.from(await file.arrayBuffer());
  const nowMs = deps.clock.now();
  const stored = `${Math.floor(nowMs)}${randomBytes(2).toString('hex')}-${randomBytes(4).toString('hex')}-${safeFileName(file.name || 'image')}`;
  const absPath = join(await deps.dir.get(), stored);
  await writeFile(absPath, bytes);
  const url = deps.fileHost.registerAt(`/uploads/${stored}`, absPath, type, nowMs + UPLOAD_TTL_MS);
  const filename = file.name || 'image';
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    ok: true,
    reply: { url, filename, content_type: type, bytes: bytes.length, created_at: Math.floor(nowMs / 1000) },
    record: { filename, contentType: type, bytes: bytes.length, sha256, url },
  };
}

function tooLarge(): UploadResult {
  return { ok: false, status: 413, message: `file too large: at most ${UPLOAD_MAX_BYTES} bytes` };
}
