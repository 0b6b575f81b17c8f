import type { z } from 'zod';
import type { Contract, Domain, EventChannel, OpName, OpOutput } from '../../shared/ipc/channels.js';
import type { MediaKind, Settings } from '../../shared/ipc/views.js';
import type { Clock, FetchLike, Logger } from '../core/ports.js';

/**
 * The main-process services behind the IPC contract, shared by the Electron
 * main process and the browser host: they differ only in the ports below.
 * Nothing here imports Electron.
 */

/** One handler per contract op, taking the already-parsed input. A missing handler is a type error. */
export type Handlers = {
  [D in Domain]: {
    [O in OpName<D>]: (input: z.output<Contract[D][O] extends { input: infer I extends z.ZodType } ? I : never>) => Promise<OpOutput<D, O>>;
  };
};

/** Where the APIMart key lives. Implementations never log it and never return it over IPC. */
export interface SecretStore {
  get(): Promise<string | undefined>;
  set(key: string): Promise<void>;
  clear(): Promise<void>;
  /** How it is kept: OS-encrypted (safeStorage), a plain owner-only file (browser host), or not at all. */
  storage(): 'os-encrypted' | 'plain-file' | 'none';
}

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

/** Desktop integration; the browser host implements what it can and refuses the rest clearly. */
export interface ShellPort {
  reveal(path: string): Promise<void>;
  /** Puts a file in the trash for good (the services' trash bin calls it once a clip's undo window ends). */
  trash(path: string): Promise<void>;
  /**
   * True when trash() IS the app's own `.keyframe-trash` folder (the browser host): a file the trash bin
   * held there for "Undo" is then already where it belongs. Absent: trash() is the OS trash.
   */
  readonly trashIsAppFolder?: boolean;
  /** A folder chosen by the person (native dialog), or undefined if cancelled/unsupported. */
  chooseFolder(current: string): Promise<string | undefined>;
  notify?(title: string, body: string): void;
  /** Starts an OS drag of this file (desktop only). */
  startDrag?(path: string): Promise<void>;
  setProgress?(fraction: number | undefined): void;
}

export interface ServicePorts {
  dataDir: string;
  secrets: SecretStore;
  settings: SettingsStore;
  shell: ShellPort;
  logger: Logger;
  appVersion: string;
  platform: string;
  locale: () => string;
  /** URL the page uses for a video or frame image (media protocol or host route); never a file path. */
  mediaUrl: (kind: MediaKind, id: string) => string;
  clock?: Clock;
  fetch?: FetchLike;
  /** APIMart base URL (tests point it at the fake). */
  apiBaseUrl?: string;
  /** The provider's public price list (shared/domain/prices.ts PRICE_LIST_URL); without it the bundled or cached prices are used. */
  priceListUrl?: string;
  /** Base URL of an already running demo provider; otherwise one is started in-process when demo mode is on. */
  demoBaseUrl?: string;
  /** Starts the built-in demo provider; only composition roots reach its implementation (electron/core/demo). */
  startDemo: DemoStarter;
  /**
   * A full garbage collection, run when a bulk job ends (the library's start-up check): the process then
   * gives that job's garbage back instead of holding it until it next allocates. Absent in tests.
   */
  releaseMemory?: () => void;
}

/** A running demo provider: where its API answers, and how to stop it. */
export interface DemoServer {
  apiUrl: string;
  close(): Promise<void>;
}

/** Starts the demo provider on 127.0.0.1; its jobs take `durationMs`, measured on `clock`. */
export type DemoStarter = (opts: { clock: Clock; durationMs: number }) => Promise<DemoServer>;

export interface MediaFile {
  path: string;
  size: number;
  mime: string;
}

export interface AppServices {
  handlers: Handlers;
  /** Events for the page (already coalesced to ≤ 10 pushes/s per channel). */
  onEvent(cb: (channel: EventChannel, payload: unknown) => void): () => void;
  /** Resolves an opaque media id to a file inside the library folder or the frame store, or undefined. */
  resolveMedia(kind: MediaKind, id: string): Promise<MediaFile | undefined>;
  /** System suspend/resume: no requests while the machine sleeps. */
  setSuspended(suspended: boolean): void;
  /** After system resume: look at every waiting job at once. */
  pollNow(): void;
  close(): Promise<void>;
}
