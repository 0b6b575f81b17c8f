import type { Settings } from '../../shared/ipc/views.js';
import type { Engine } from '../core/engine.js';
import type { LibraryWatch } from '../core/library/watch-folders.js';
import type { Money } from '../core/money/money.js';
import type { PriceBook } from '../core/money/price-book.js';
import type { Clock, Logger } from '../core/ports.js';
import type { FrameStore } from './frame-store.js';
import type { PosterStore } from './poster-store.js';
import type { KeyRing } from './key-ring.js';
import type { SequenceExports } from './sequence-exports.js';
import type { TrashBin } from './trash-bin.js';
import type { ServicePorts } from './types.js';

/** What every handler file gets: the ports, the one engine, and the services' own helpers. */
export interface ServiceContext {
  ports: ServicePorts;
  engine: Engine;
  clock: Clock;
  keys: KeyRing;
  frames: FrameStore;
  posters: PosterStore;
  /** Trashed clips inside their undo window. */
  trash: TrashBin;
  /** Redacts every key the KeyRing has seen, on top of the port's own redaction. */
  logger: Logger;
  settings(): Settings;
  /** The price table in use (bundled, cached or fetched). */
  prices: PriceBook;
  /** The engine's estimates, ledger, caps and balance (the services always open the engine with them). */
  money: Money;
  /** Sequence exports planned or running. */
  exports: SequenceExports;
  /** The library folders' watchers, once started (absent when the services run without watching). */
  libraryWatch?: LibraryWatch;
}
