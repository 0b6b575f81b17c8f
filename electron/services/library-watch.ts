import { errorMessage } from '../../shared/error-messages.js';
import type { Notice } from '../../shared/ipc/views.js';
import type { LibraryIndex } from '../core/library/library-index.js';
import { LibraryWatch, type FolderProblem } from '../core/library/watch-folders.js';
import { pollingFromEnv, type PollingChoice } from '../core/library/watch-polling.js';
import type { Clock, Logger } from '../core/ports.js';
import { noticeText } from './service-events.js';

/**
 * The library folders watched while the app runs, following the folders the
 * index lists (an output folder changed in Settings, a folder added or
 * removed), with a folder that cannot be read told to the person as a notice.
 */

export interface LibraryWatchOptions {
  /** Poll every folder (`always`), none (`never`), or network shares only (`auto`, default: `KEYFRAME_WATCH_POLLING`). */
  polling?: PollingChoice;
  /** Test knobs: how often a lost folder is looked for, and the polling interval. */
  retryMs?: number;
  pollIntervalMs?: number;
}

export interface WatchDeps {
  library: LibraryIndex;
  clock: Clock;
  logger: Logger;
  notice(n: Notice): void;
}

export interface StartedWatch {
  watch: LibraryWatch;
  close(): Promise<void>;
}

function problemNotice(p: FolderProblem): Notice {
  return p.kind === 'lost'
    ? { kind: 'warning', ...noticeText(errorMessage('notice.library_folder_lost', { folder: p.dir })), ...(p.reason ? { detail: p.reason } : {}) }
    : { kind: 'info', ...noticeText(errorMessage('notice.library_folder_back', { folder: p.dir })) };
}

export async function startLibraryWatch(deps: WatchDeps, options: LibraryWatchOptions = {}): Promise<StartedWatch> {
  const { library, logger } = deps;
  const watch = new LibraryWatch({
    index: library,
    clock: deps.clock,
    log: logger,
    polling: options.polling ?? pollingFromEnv(process.env.KEYFRAME_WATCH_POLLING),
    ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    onProblem: (p) => {
      logger.log(p.kind === 'lost' ? 'warn' : 'info', p.kind === 'lost' ? 'library folder unavailable' : 'library folder back', { dir: p.dir, reason: p.reason });
      deps.notice(problemNotice(p));
    },
  });
  const follow = (dirs: readonly string[]) =>
    void watch.sync(dirs).catch((err: unknown) => logger.log('warn', 'library folders could not all be watched', { error: String(err) }));
  const off = library.onDirectories(follow);
  await watch.sync(library.directories());
  return {
    watch,
    async close() {
      off();
      await watch.close();
    },
  };
}
