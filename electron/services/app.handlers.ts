import type { ServiceContext } from './context.js';
import type { Handlers } from './types.js';

/** app:* — facts the host knows (version, platform, the OS locale for the first-run language). */
export function appHandlers(ctx: ServiceContext): Handlers['app'] {
  return {
    version: async () => ({ version: ctx.ports.appVersion, platform: ctx.ports.platform }),
    locale: async () => ({ locale: ctx.ports.locale() }),
  };
}
