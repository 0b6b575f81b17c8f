import { join } from 'node:path';
import { startDemoProvider } from '../core/demo/fake-apimart.js';
import { fullGarbageCollector } from '../core/util/full-gc.js';
import type { Logger } from '../core/ports.js';
import { systemClock } from '../core/ports.js';
import { fileLogSink } from '../core/util/file-log.js';
import { createRedactingLogger } from '../core/util/redact.js';
import { createAppServices } from '../services/app-services.js';
import { defaultSettings, envLocale } from '../services/default-settings.js';
import { readAppVersion } from '../services/environment-defaults.js';
import type { AppServices, SecretStore, SettingsStore } from '../services/types.js';
import { createFileSecretStore } from './file-secret-store.js';
import { createHostShell } from './host-shell.js';
import { openJsonSettingsStore } from './json-settings-store.js';
import type { MediaKind } from '../../shared/ipc/views.js';

/**
 * The browser host's composition root: the same services as the desktop app,
 * wired to plain-Node ports: a key file instead of safeStorage, a JSON
 * settings file instead of electron-store, and a shell that refuses what a
 * browser cannot do.
 */

export interface NodeServicesOptions {
  dataDir: string;
  mediaUrl: (kind: MediaKind, id: string) => string;
  env?: NodeJS.ProcessEnv;
  /** `--demo`: demo mode on for this run, without rewriting the person's saved setting. */
  forceDemo?: boolean;
  apiBaseUrl?: string;
  demoBaseUrl?: string;
  /** The provider's public price list, fetched at start and daily; none: the bundled or cached prices. */
  priceListUrl?: string;
  appVersion?: string;
  logger?: Logger;
}

export interface NodeServices {
  services: AppServices;
  logger: Logger;
  /** Things the person should read at startup (e.g. a damaged settings file was set aside). */
  notices: string[];
}

export async function createNodeServices(opts: NodeServicesOptions): Promise<NodeServices> {
  const env = opts.env ?? process.env;
  let knownKey: string | undefined;
  const logger =
    opts.logger ??
    createRedactingLogger(fileLogSink(join(opts.dataDir, 'logs', 'keyframe.log')), () => (knownKey ? [knownKey] : []), systemClock);
  const rawSecrets = createFileSecretStore(opts.dataDir, logger);
  // Remember the key so the redactor can scrub it from every log line, even where no pattern would catch it.
  const secrets: SecretStore = {
    get: async () => (knownKey = await rawSecrets.get()),
    set: async (key) => {
      await rawSecrets.set(key);
      knownKey = key.trim();
    },
    clear: () => rawSecrets.clear(),
    storage: () => rawSecrets.storage(),
  };
  const hasKey = (await secrets.get()) !== undefined;
  const opened = openJsonSettingsStore(opts.dataDir, defaultSettings({ hasKey, env }), logger);
  const settings = opts.forceDemo ? demoOverlay(opened.store) : opened.store;
  const locale = envLocale(env);

  const services = await createAppServices({
    dataDir: opts.dataDir,
    secrets,
    settings,
    shell: createHostShell(),
    logger,
    appVersion: opts.appVersion ?? readAppVersion(),
    platform: process.platform,
    locale: () => locale,
    mediaUrl: opts.mediaUrl,
    startDemo: startDemoProvider,
    releaseMemory: fullGarbageCollector(),
    ...(opts.priceListUrl ? { priceListUrl: opts.priceListUrl } : {}),
    ...(opts.apiBaseUrl ? { apiBaseUrl: opts.apiBaseUrl } : {}),
    ...(opts.demoBaseUrl ? { demoBaseUrl: opts.demoBaseUrl } : {}),
  });
  return { services, logger, notices: opened.notice ? [opened.notice] : [] };
}

/** Reads demo mode as on until the person changes demo mode themselves; nothing is written for the flag. */
function demoOverlay(store: SettingsStore): SettingsStore {
  let forced = true;
  return {
    get: () => (forced ? { ...store.get(), demoMode: true } : store.get()),
    update(patch) {
      if (patch.demoMode !== undefined) forced = false;
      const next = store.update(patch);
      return forced ? { ...next, demoMode: true } : next;
    },
  };
}
