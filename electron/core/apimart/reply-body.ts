/**
 * Reads a gateway reply's body with a size cap. Every reply the client reads
 * is small JSON; a misbehaving gateway or proxy can still stream gigabytes,
 * and reading that whole would hold it all in memory. The provider's own
 * client caps replies at 32 MiB, so we do too.
 */
export const MAX_REPLY_BYTES = 32 * 1024 * 1024;

/** The reply declared or streamed more than the cap; the body was cancelled, not read. */
export class ReplyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`reply larger than ${limitBytes} bytes`);
    this.name = 'ReplyTooLarge';
  }
}

/**
 * The body as UTF-8 text. Refuses at once when Content-Length is over the cap,
 * and otherwise counts bytes as they arrive and cancels the stream as soon as
 * the count passes it, so the connection is closed instead of drained.
 */
export async function readReplyText(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new ReplyTooLarge(maxBytes);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      throw new ReplyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(concat(chunks, total));
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
