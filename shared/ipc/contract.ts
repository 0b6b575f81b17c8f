import { z } from 'zod';
import { PROMPT_MAX_CHARS } from '../domain/generation.js';
import { LibraryQuerySchema } from '../domain/library-query.js';
import { SweepSchema } from '../domain/sweep.js';
import { schemaMessage } from '../issue-message.js';
import { POSTER_BACKLOG_LIMIT_MAX, POSTER_BACKLOG_SKIP_MAX, PosterProgressSchema } from './poster-views.js';
import {
  ExportDoneViewSchema,
  ExportPlanViewSchema,
  ExportProgressViewSchema,
  SequenceSaveSchema,
  SequenceSummaryViewSchema,
  SequenceViewSchema,
  sequenceInputs,
} from './sequence-views.js';
import {
  BalanceViewSchema,
  BatchProblemSchema,
  BatchTotalSchema,
  BudgetCheckViewSchema,
  BatchViewSchema,
  CostEstimateSchema,
  FrameViewSchema,
  HistoryPageSchema,
  JobViewSchema,
  LibraryFoldersViewSchema,
  LibraryPageSchema,
  LineageViewSchema,
  MonthSchema,
  NoticeSchema,
  PriceTableViewSchema,
  QueueStateViewSchema,
  SettingsSchema,
  SettingsViewSchema,
  SpendSummarySchema,
  VideoViewSchema,
} from './views.js';
import { BATCH_TEXT_MAX, IpcGenerationRequestSchema, IpcLineageSchema, REQUEST_ID } from './request-schemas.js';

export { BATCH_TEXT_MAX, IpcFrameRefSchema, IpcGenerationRequestSchema, IpcLineageSchema } from './request-schemas.js';

/**
 * The one IPC contract. Every operation the renderer may call and every event
 * main pushes is declared here once, with zod schemas for both directions.
 * Channel names (`jobs:submit`), main's registration, the preload client, the
 * browser host's WebSocket routes and the renderer's `window.api` type are all
 * derived from this object (see channels.ts). Inputs are strict: unknown keys,
 * wrong types and unbounded strings are refused before any handler runs.
 */

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const none = z.strictObject({});
const id = REQUEST_ID;
// Outputs strip unknown keys instead of refusing them: a stray field a handler returns is
// dropped on its way out rather than turning a good reply into an internal error. Inputs stay strict.
const ok = z.object({ ok: z.literal(true) });
// What a person can get wrong here (a pasted key, a tag typed in), worded from the catalog.
const KEY_LENGTH = schemaMessage('key.length');
const TAG_TOO_LONG = schemaMessage('tag.any_too_long', { max: 40 });
const TAGS_TOO_MANY = schemaMessage('tag.too_many', { max: 20 });
const FOLDER_PATH = z.string().min(1, schemaMessage('library.folder_relative')).max(4096, schemaMessage('library.folder_relative'));


/** An image handed over by the page (dropped, pasted, browsed or grabbed from a video frame). */
export const FrameImportSchema = z.strictObject({
  name: z.string().min(1).max(255),
  /** Base64 of the file's bytes (≤ 20 MB decoded). */
  dataBase64: z
    .string()
    .max(Math.ceil((20_971_520 * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, schemaMessage('request.image_data')),
});

/** The page changes demo mode through `demoMode`; main records that it was the person's choice. */
export const SettingsPatchSchema = SettingsSchema.omit({ demoChosen: true }).partial().strict();



/**
 * A batch's defaults: the draft's settings, every one optional (a row gives the rest). The
 * prompt is only text here: a text batch brings its own, and each row's request is checked whole.
 */
export const BatchDefaultsSchema = z
  .strictObject({ ...IpcGenerationRequestSchema.shape, prompt: z.string().max(PROMPT_MAX_CHARS).optional() })
  .partial();

export const BatchSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string().max(BATCH_TEXT_MAX) }),
  z.strictObject({ kind: z.literal('csv'), text: z.string().max(BATCH_TEXT_MAX) }),
  z.strictObject({ kind: z.literal('jsonl'), text: z.string().max(BATCH_TEXT_MAX) }),
  SweepSchema,
]);

const batchInput = { source: BatchSourceSchema, defaults: BatchDefaultsSchema };

/** A dry run: each row's request (or its problems) and estimate, the total, and how many jobs and videos. */
export const BatchPlanViewSchema = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      label: z.string().optional(),
      request: IpcGenerationRequestSchema.optional(),
      errors: z.array(BatchProblemSchema),
      estimate: CostEstimateSchema.optional(),
    }),
  ),
  errors: z.array(BatchProblemSchema),
  jobs: z.number().int(),
  videos: z.number().int(),
  total: BatchTotalSchema,
  /** The total against the caps and the balance (absent only where no ledger is open). */
  budget: BudgetCheckViewSchema.optional(),
  ok: z.boolean(),
});

export const contract = {
  jobs: {
    /**
     * The same request queued again within moments is refused as `duplicate_submit` (a double
     * press would pay twice) unless `confirmDuplicate` says the person asked for it again.
     */
    submit: op(
      z.strictObject({ request: IpcGenerationRequestSchema, confirmDuplicate: z.boolean().optional(), lineage: IpcLineageSchema.optional() }),
      JobViewSchema,
    ),
    list: op(none, z.array(JobViewSchema)),
    retry: op(z.strictObject({ id }), JobViewSchema),
    stop: op(z.strictObject({ id }), JobViewSchema),
    resume: op(z.strictObject({ id }), JobViewSchema),
    /** Sends a job held for a spending cap (needs_approval), once, past the caps. */
    approve: op(z.strictObject({ id }), JobViewSchema),
    queueState: op(none, QueueStateViewSchema),
    pauseQueue: op(none, QueueStateViewSchema),
    resumeQueue: op(none, QueueStateViewSchema),
  },
  library: {
    query: op(LibraryQuerySchema, LibraryPageSchema),
    get: op(z.strictObject({ id }), VideoViewSchema),
    /** The video's parent, children and sibling takes. */
    lineage: op(z.strictObject({ id }), LineageViewSchema),
    setFavorite: op(z.strictObject({ id, favorite: z.boolean() }), VideoViewSchema),
    setTags: op(z.strictObject({ id, tags: z.array(z.string().min(1).max(40, TAG_TOO_LONG)).max(20, TAGS_TOO_MANY) }), VideoViewSchema),
    /** Moves the clip to the trash; `undoMs`: how long `restore` can still put it back. */
    trash: op(z.strictObject({ id }), z.object({ ok: z.literal(true), undoMs: z.number().int().nonnegative() })),
    /** Puts a clip trashed less than `undoMs` ago back in the library. */
    restore: op(z.strictObject({ id }), VideoViewSchema),
    reveal: op(z.strictObject({ id }), ok),
    /** Drag the video file out of the app (desktop only; starts an OS drag from main). */
    startDrag: op(z.strictObject({ id }), ok),
    /** Caches a poster still the page grabbed from the video (JPEG/PNG/WebP, ≤ 2 MB). */
    savePoster: op(
      z.strictObject({
        id,
        dataBase64: z
          .string()
          .min(4)
          .max(Math.ceil((2 * 1024 * 1024 * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, schemaMessage('request.image_data')),
      }),
      VideoViewSchema,
    ),
    /**
     * Videos with no poster yet (their file there), in the index's order, for the page to make posters
     * for in the background; `skip` names those it already failed on. With the counts, as the event has them.
     */
    posterBacklog: op(
      z.strictObject({ limit: z.number().int().min(1).max(POSTER_BACKLOG_LIMIT_MAX), skip: z.array(id).max(POSTER_BACKLOG_SKIP_MAX).optional() }),
      PosterProgressSchema.extend({ items: z.array(VideoViewSchema) }),
    ),
    /** The library folders and how each is watched. */
    folders: op(none, LibraryFoldersViewSchema),
    /** Adds a folder by its full path (the browser host has no folder dialog). */
    addFolder: op(z.strictObject({ path: FOLDER_PATH }), LibraryFoldersViewSchema),
    /** Adds a folder picked in the OS dialog (desktop); a cancelled dialog changes nothing. */
    chooseFolder: op(none, LibraryFoldersViewSchema),
    /** Stops listing a folder's videos (its files stay where they are); the output folder cannot be removed. */
    removeFolder: op(z.strictObject({ path: FOLDER_PATH }), LibraryFoldersViewSchema),
  },
  frames: {
    import: op(FrameImportSchema, FrameViewSchema),
  },
  settings: {
    get: op(none, SettingsViewSchema),
    update: op(SettingsPatchSchema, SettingsViewSchema),
    chooseOutputDir: op(none, SettingsViewSchema),
    setApiKey: op(z.strictObject({ key: z.string().trim().min(8, KEY_LENGTH).max(512, KEY_LENGTH).regex(/^[\x21-\x7e]+$/, schemaMessage('key.bad_characters')) }), SettingsViewSchema),
    clearApiKey: op(none, SettingsViewSchema),
    hasApiKey: op(none, z.object({ hasApiKey: z.boolean() })),
    testApiKey: op(none, BalanceViewSchema),
  },
  app: {
    version: op(none, z.object({ version: z.string(), platform: z.string() })),
    locale: op(none, z.object({ locale: z.string() })),
  },
  cost: {
    estimate: op(z.strictObject({ request: IpcGenerationRequestSchema }), CostEstimateSchema),
    /** The price table in use: its date, whether bundled or fetched from the provider, every figure. */
    prices: op(none, PriceTableViewSchema),
  },
  spend: {
    /** Today, a month (the current one unless given), all time, the month's days and jobs, and the caps. */
    summary: op(z.strictObject({ month: MonthSchema.optional() }), SpendSummarySchema),
  },
  balance: {
    get: op(none, BalanceViewSchema),
  },
  batch: {
    /** A dry run: nothing is sent or written. */
    plan: op(z.strictObject(batchInput), BatchPlanViewSchema),
    /**
     * Queues every row as a job, or none when any row has a problem (refused as invalid_request). A sweep's
     * drawn seeds are drawn again here: to queue the very seeds a dry run showed, send them as its seed list.
     */
    queue: op(z.strictObject({ ...batchInput, name: z.string().min(1).max(200).optional() }), BatchViewSchema),
    list: op(none, z.array(BatchViewSchema)),
    pause: op(z.strictObject({ id }), BatchViewSchema),
    resume: op(z.strictObject({ id }), BatchViewSchema),
  },
  sequence: {
    /** The sequences in the output folder (`<name>.keyframe-sequence.json`), by name. */
    list: op(none, z.object({ items: z.array(SequenceSummaryViewSchema) })),
    get: op(sequenceInputs.name, SequenceViewSchema),
    /** Creates (no revision) or replaces (the revision read) a sequence; fields other tools wrote are kept. */
    save: op(SequenceSaveSchema, SequenceViewSchema),
    /** Moves the sequence file to the trash (its clips stay). */
    delete: op(sequenceInputs.delete, ok),
    /** Opens the clips and decides: joined as is in main (`copy`), or re-encoded by the page (`reencode`). */
    plan: op(sequenceInputs.name, ExportPlanViewSchema),
    /** Starts a planned `copy` export; progress and the result come as `sequence:exportProgress` events. */
    export: op(sequenceInputs.export, z.object({ exportId: z.string(), fileName: z.string() })),
    /** Stops an export in progress (either kind); nothing is left behind. */
    cancel: op(sequenceInputs.cancel, ok),
    /** A piece of a `reencode` export the page made, written at `position`. */
    writeChunk: op(sequenceInputs.writeChunk, z.object({ bytes: z.number().int() })),
    /** Checks the page's finished file, puts it beside the clips and writes its record. */
    finish: op(sequenceInputs.finish, ExportDoneViewSchema),
  },
  history: {
    /** Prompts sent, newest first, searched by words of the prompt. */
    list: op(
      z.strictObject({
        search: z.string().max(500, schemaMessage('library.search_too_long', { max: 500 })).optional(),
        limit: z.number().int().min(1).max(200),
        offset: z.number().int().nonnegative().max(2000).optional(),
      }),
      HistoryPageSchema,
    ),
  },
} as const;

/** Events main pushes; payloads are validated by the client before page code sees them. */
export const events = {
  jobs: { updated: z.array(JobViewSchema) },
  library: {
    changed: z.strictObject({ added: z.array(z.string()), updated: z.array(z.string()), removed: z.array(z.string()) }),
    /** Posters made against videos that need one, as either changes (a poster saved, a folder's videos added). */
    posters: PosterProgressSchema,
  },
  queue: { changed: QueueStateViewSchema },
  /** Exports in progress: each one's latest progress, and its result or error at the end. */
  sequence: { exportProgress: z.array(ExportProgressViewSchema) },
  /** Batches whose record or one of whose jobs changed. */
  batches: { updated: z.array(BatchViewSchema) },
  app: {
    notice: NoticeSchema,
    /** A native menu command (File › Generate = Cmd/Ctrl+Enter) for the page to carry out. */
    command: z.strictObject({ command: z.enum(['generate']) }),
  },
} as const;
