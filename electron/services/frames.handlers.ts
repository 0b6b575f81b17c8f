import type { ServiceContext } from './context.js';
import type { Handlers } from './types.js';
import { toFrameView } from './views.js';

/** frames:* — the page hands over image bytes and gets back an opaque id; it never names a file. */
export function framesHandlers(ctx: ServiceContext): Handlers['frames'] {
  return {
    async import({ name, dataBase64 }) {
      // The contract already refused non-base64 text and anything far over 20 MB;
      // the store checks the decoded size and the real type.
      const stored = await ctx.frames.put(Buffer.from(dataBase64, 'base64'), name);
      return toFrameView(stored, ctx.ports.mediaUrl);
    },
  };
}
