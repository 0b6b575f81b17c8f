import { z } from 'zod';
import { AppErrorSchema, ErrorKeySchema, ErrorParamsSchema } from '../errors.js';
import { schemaMessage } from '../issue-message.js';
import { ContainerInfoSchema, EmbeddedProvenanceSchema } from '../domain/bare-video.js';
import { MODELS, RESOLUTIONS, RecordedGenerationRequestSchema } from '../domain/generation.js';
import { JobApprovalSchema, JobStateSchema, ProviderSchema } from '../domain/job.js';
import { IsoDateSchema, PRICE_SOURCES } from '../domain/prices.js';
import { BatchRefSchema, LineageSchema } from '../domain/shot.js';

/**
 * What the renderer may see. Views are projections of the core's records:
 * no API key, no absolute paths of the user's files beyond what they chose,
 * videos addressed by opaque id (the media protocol resolves ids to files).
 */

/** What the media protocol / host media route can serve, always by opaque id. */
/** `clip`: a clip of a sequence being exported, by `<exportId>_<index>` (the page re-encodes from it). */
export const MEDIA_KINDS = ['video', 'frame', 'poster', 'clip'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const JobOutputViewSchema = z.object({
  index: z.number().int(),
  fileName: z.string(),
  bytesDone: z.number(),
  bytesTotal: z.number().optional(),
  saved: z.boolean(),
  /** Library id once saved (`<jobId>-<index>`). */
  videoId: z.string().optional(),
});

export const JobViewSchema = z.object({
  id: z.string(),
  provider: ProviderSchema,
  state: JobStateSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  request: RecordedGenerationRequestSchema,
  taskId: z.string().optional(),
  progress: z.number().optional(),
  estimatedTimeS: z.number().optional(),
  submittedAt: z.number().optional(),
  completedAt: z.number().optional(),
  costUsd: z.number().optional(),
  /** The estimate recorded when the job was queued, and its price table's date. */
  estimateUsd: z.number().optional(),
  priceAsOf: z.string().optional(),
  /** Why a needs_approval job waits (its estimate, what is spent, the caps), and when it was approved. */
  approval: JobApprovalSchema.optional(),
  parked: z.boolean(),
  outputs: z.array(JobOutputViewSchema),
  error: AppErrorSchema.optional(),
  retryOf: z.string().optional(),
  /** The video this job continues, and the batch row it was queued from. */
  lineage: LineageSchema.optional(),
  batch: BatchRefSchema.optional(),
});
export type JobView = z.infer<typeof JobViewSchema>;

export const QueueStateViewSchema = z.object({
  paused: z.boolean(),
  concurrency: z.number().int(),
  rateLimitedUntil: z.number().optional(),
  counts: z.record(z.string(), z.number()),
});
export type QueueStateView = z.infer<typeof QueueStateViewSchema>;

/** What every library video has, made by Keyframe or not. */
const videoViewBase = {
  id: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  videoMissing: z.boolean(),
  /** When it was made: the request's time, or for a bare video its container's (else the file's) time. */
  createdAt: z.number(),
  favorite: z.boolean(),
  tags: z.array(z.string()),
  frames: z.array(z.object({ role: z.enum(['first', 'last']), name: z.string().optional(), sourceUrl: z.string().optional() })),
  /** URL on the media protocol (`keyframe-media://video/<id>`) — never a file path. */
  mediaUrl: z.string(),
  /** Cached poster still for the grid, once one was made (see library.savePoster). */
  posterUrl: z.string().optional(),
  /** The shot this video is a take of (a library query's `shot`), its take number (1-based) and how many takes the shot has. */
  shotKey: z.string().optional(),
  take: z.number().int().optional(),
  takes: z.number().int().optional(),
};

/** A video Keyframe made, with its sidecar: everything about how it was made. */
export const KeyframeVideoViewSchema = z.object({
  ...videoViewBase,
  /** Absent in views from before bare videos were listed. */
  kind: z.literal('keyframe').optional(),
  provider: ProviderSchema,
  model: z.string(),
  request: RecordedGenerationRequestSchema,
  taskId: z.string(),
  requestIds: z.array(z.string()),
  seed: z.number().optional(),
  costUsd: z.number().optional(),
  completedAt: z.number().optional(),
  /** The video this one continues, and the frame it starts from. */
  lineage: LineageSchema.optional(),
  batch: BatchRefSchema.optional(),
});
export type KeyframeVideoView = z.infer<typeof KeyframeVideoViewSchema>;

/** A video without a sidecar: what its container says, and how it was made when Keyframe wrote that into the file. */
export const BareVideoViewSchema = z.object({
  ...videoViewBase,
  kind: z.literal('bare'),
  container: ContainerInfoSchema,
  provenance: EmbeddedProvenanceSchema.optional(),
});
export type BareVideoView = z.infer<typeof BareVideoViewSchema>;

export const VideoViewSchema = z.union([BareVideoViewSchema, KeyframeVideoViewSchema]);
export type VideoView = z.infer<typeof VideoViewSchema>;

/**
 * How a library folder is watched: notified by the OS, polled (a network share), waiting for a folder
 * not made yet, or unavailable (unplugged, no permission: looked for again until it is back).
 */
export const FOLDER_WATCH_STATES = ['starting', 'watching', 'polling', 'waiting', 'unavailable'] as const;

/** The folders the library lists: the output folder first, then the ones the person added. */
export const LibraryFoldersViewSchema = z.object({
  folders: z.array(z.object({ path: z.string(), output: z.boolean(), state: z.enum(FOLDER_WATCH_STATES) })),
});
export type LibraryFoldersView = z.infer<typeof LibraryFoldersViewSchema>;

export const LibraryPageSchema = z.object({ total: z.number().int(), items: z.array(VideoViewSchema) });
export type LibraryPage = z.infer<typeof LibraryPageSchema>;

/** A video's family: what it continues (parentId even once the parent left the library), what continues it, its shot's other takes. */
export const LineageViewSchema = z.object({
  parentId: z.string().optional(),
  parent: VideoViewSchema.optional(),
  children: z.array(VideoViewSchema),
  siblings: z.array(VideoViewSchema),
});
export type LineageView = z.infer<typeof LineageViewSchema>;

/** A batch and how far it got ("done of jobs"); `paused` holds only its jobs not yet started. */
export const BatchViewSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  source: z.enum(['text', 'csv', 'jsonl', 'sweep']),
  name: z.string().optional(),
  state: z.enum(['opening', 'running', 'paused', 'finished']),
  jobs: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  needsAttention: z.number().int(),
  active: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), label: z.string().optional(), jobId: z.string() })),
});
export type BatchView = z.infer<typeof BatchViewSchema>;

/** A problem of a batch row (or of the whole batch), worded from the catalog and naming its field. */
export const BatchProblemSchema = z.object({
  row: z.number().int().optional(),
  field: z.string().optional(),
  key: ErrorKeySchema,
  params: ErrorParamsSchema.optional(),
  message: z.string(),
});
export type BatchProblem = z.infer<typeof BatchProblemSchema>;

export const BatchTotalSchema = z.object({
  usd: z.number().nonnegative(),
  isEstimate: z.literal(true),
});

/** A total checked against the spending caps and the balance, before anything is queued (the rules the queue applies per job). */
export const BudgetCheckViewSchema = z.object({
  provider: ProviderSchema,
  estimateUsd: z.number().nonnegative(),
  spentTodayUsd: z.number().nonnegative(),
  spentMonthUsd: z.number().nonnegative(),
  dailyCapUsd: z.number().nonnegative().optional(),
  monthlyCapUsd: z.number().nonnegative().optional(),
  /** The caps the total would pass; empty: it fits. */
  exceeded: z.array(z.enum(['daily', 'monthly'])),
  /** The balance APIMart last reported, when known and limited. */
  balanceUsd: z.number().optional(),
  /** send: fits; hold: some jobs would wait for approval at a cap; refuse: the balance is below the total. */
  verdict: z.enum(['send', 'hold', 'refuse']),
});
export type BudgetCheckView = z.infer<typeof BudgetCheckViewSchema>;

/** One entry of the prompt history: the prompt with its settings, when it was last sent and how often. */
export const HistoryEntryViewSchema = z.object({
  request: RecordedGenerationRequestSchema,
  lastUsedAt: z.number(),
  uses: z.number().int(),
});
export const HistoryPageSchema = z.object({ total: z.number().int(), items: z.array(HistoryEntryViewSchema) });
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['en', 'ko'] as const;

// Worded from the catalog, so a refused value reads in the person's language (see issue-message.ts).
const OUTPUT_DIR = schemaMessage('settings.output_dir');
const NAME_TEMPLATE = schemaMessage('settings.name_template');
const CONCURRENCY = schemaMessage('settings.concurrency_invalid');
const SPENDING_CAP = schemaMessage('settings.spending_cap');

/** Highest spending cap the settings take (USD). */
export const SPENDING_CAP_MAX_USD = 1_000_000;
/** A spending cap in USD; null (or absent) is no cap. 0 holds every live job for approval. */
export const SpendingCapSchema = z.number({ error: SPENDING_CAP }).nonnegative(SPENDING_CAP).max(SPENDING_CAP_MAX_USD, SPENDING_CAP).nullable();

export const SettingsSchema = z
  .object({
    outputDir: z.string({ error: OUTPUT_DIR }).min(1, OUTPUT_DIR).max(4096, OUTPUT_DIR),
    nameTemplate: z.string({ error: NAME_TEMPLATE }).min(1, NAME_TEMPLATE).max(200, NAME_TEMPLATE),
    concurrency: z.number({ error: CONCURRENCY }).int(CONCURRENCY).min(1, CONCURRENCY).max(16, CONCURRENCY),
    language: z.enum(LANGUAGES, { error: schemaMessage('settings.language_invalid') }),
    theme: z.enum(THEMES, { error: schemaMessage('settings.theme_invalid') }),
    demoMode: z.boolean({ error: schemaMessage('settings.demo_mode') }),
    /**
     * Whether `demoMode` is the person's own choice since the key was last saved or removed.
     * Without one, demo mode follows the key (on without a key, off with one); absent in
     * files written before the choice was recorded, which therefore follow the key too.
     */
    demoChosen: z.boolean({ error: schemaMessage('settings.demo_mode') }).optional(),
    /** Spending caps for live jobs, per local day and per calendar month (main enforces them before sending). */
    dailyCapUsd: SpendingCapSchema.optional(),
    monthlyCapUsd: SpendingCapSchema.optional(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

// The page sees the demo mode in force, not how it came about.
export const SettingsViewSchema = SettingsSchema.omit({ demoChosen: true }).extend({
  hasApiKey: z.boolean(),
  /** Where the key is kept, so the UI can say it plainly. */
  keyStorage: z.enum(['os-encrypted', 'plain-file', 'none']),
  // A view is an output: unknown keys are dropped, not refused (SettingsSchema is strict for patches).
}).strip();
export type SettingsView = z.infer<typeof SettingsViewSchema>;

export const BalanceViewSchema = z.object({
  remainUsd: z.number().optional(),
  usedUsd: z.number().optional(),
  unlimited: z.boolean(),
  demo: z.boolean(),
});
export type BalanceView = z.infer<typeof BalanceViewSchema>;

/** An estimate and its breakdown: perSecondUsd × seconds × samples = usd, from the price table of `asOf`. */
export const CostEstimateSchema = z.object({
  usd: z.number().nonnegative(),
  perSecondUsd: z.number().nonnegative(),
  seconds: z.number().nonnegative(),
  samples: z.number().int().nonnegative(),
  /** The date of the price table the figures come from, and whether it was bundled or fetched from the provider. */
  asOf: IsoDateSchema,
  source: z.enum(PRICE_SOURCES),
  isEstimate: z.literal(true),
});
export type CostEstimate = z.infer<typeof CostEstimateSchema>;

/** The price table in use, one row per model × resolution × audio. */
export const PriceTableViewSchema = z.object({
  asOf: IsoDateSchema,
  source: z.enum(PRICE_SOURCES),
  fetchedAt: z.number().optional(),
  cells: z.array(z.object({ model: z.enum(MODELS), resolution: z.enum(RESOLUTIONS), audio: z.boolean(), perSecondUsd: z.number().nonnegative() })),
});
export type PriceTableView = z.infer<typeof PriceTableViewSchema>;

/**
 * What a span of time cost: `spentUsd` = `chargedUsd` (what the provider reported) +
 * `estimatedUsd` (jobs sent whose charge is not known yet, at their estimate). Caps count `spentUsd`.
 */
export const SpendTotalSchema = z.object({
  spentUsd: z.number().nonnegative(),
  chargedUsd: z.number().nonnegative(),
  estimatedUsd: z.number().nonnegative(),
  /** Jobs sent (or charged) in the span. */
  jobs: z.number().int().nonnegative(),
});
export type SpendTotal = z.infer<typeof SpendTotalSchema>;

/** waiting: not sent yet · estimated: sent, charge not reported yet · charged · not_charged: failed, refused or never sent. */
export const SPEND_STATUSES = ['waiting', 'estimated', 'charged', 'not_charged'] as const;

export const SpendJobSchema = z.object({
  jobId: z.string(),
  /** The local day the job counts for (the day it was sent, or queued if it never was). */
  day: IsoDateSchema,
  status: z.enum(SPEND_STATUSES),
  estimateUsd: z.number().nonnegative(),
  chargedUsd: z.number().nonnegative().optional(),
  /** chargedUsd − estimateUsd, once the charge is known. */
  differenceUsd: z.number().optional(),
  priceAsOf: z.string().optional(),
});
export type SpendJob = z.infer<typeof SpendJobSchema>;

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const SpendSummarySchema = z.object({
  today: SpendTotalSchema.extend({ day: IsoDateSchema }),
  month: SpendTotalSchema.extend({ month: MonthSchema }),
  allTime: SpendTotalSchema,
  /** The month's days with any spending, oldest first. */
  days: z.array(SpendTotalSchema.extend({ day: IsoDateSchema })),
  /** The month's live jobs, newest first (at most SPEND_JOBS_MAX). */
  jobs: z.array(SpendJobSchema),
  caps: z.object({ dailyUsd: z.number().nonnegative().optional(), monthlyUsd: z.number().nonnegative().optional() }),
});
export type SpendSummary = z.infer<typeof SpendSummarySchema>;

export const FrameViewSchema = z.object({
  frameId: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  mediaUrl: z.string(),
});
export type FrameView = z.infer<typeof FrameViewSchema>;

export const NoticeSchema = z.object({
  kind: z.enum(['info', 'warning', 'error']),
  /** English, for a page that knows no `key`; the page words it from `key` and `params` (see AppError). */
  message: z.string(),
  key: ErrorKeySchema.optional(),
  params: ErrorParamsSchema.optional(),
  detail: z.string().optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;
