import { open } from 'node:fs/promises';
import { invalidFileFailure } from './download-errors.js';

/**
 * Cheapest check that the bytes are a video rather than an HTML error page or
 * a JSON envelope served with 200: every ISO BMFF file (MP4, MOV) starts with
 * a box whose type, at bytes 4..8, is `ftyp`.
 */
export async function verifyMp4(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    if (bytesRead < 8) throw invalidFileFailure(`The file is only ${bytesRead} bytes long.`);
    if (head.toString('latin1', 4, 8) !== 'ftyp') {
      throw invalidFileFailure('The file does not start with an MP4 "ftyp" box.');
    }
  } finally {
    await fh.close();
  }
}
