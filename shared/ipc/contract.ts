import { z } from 'zod';
import { FrameUrlSchema, generationRequestSchemaWith } from '../domain/generation.js';
import { LibraryQuerySchema } from '../domain/library-query.js';
import { schemaMessage } from '../issue-message.js';
import {
  BalanceViewSchema,
  CostEstimateSchema,
  FrameViewSchema,
  JobViewSchema,
  LibraryPageSchema,
  MonthSchema,
  NoticeSchema,
  PriceTableViewSchema,
  QueueStateViewSchema,
  SettingsSchema,
  SettingsViewSchema,
  SpendSummarySchema,
  VideoViewSchema,
} from './views.js';

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
const id = z.string().min(1).max(120).regex(/^[A-Za-z0-9_-]+$/, schemaMessage('request.id'));
// Outputs strip unknown keys instead of refusing them: a stray field a handler returns is
// dropped on its way out rather than turning a good reply into an internal error. Inputs stay strict.
const ok = z.object({ ok: z.literal(true) });
// What a person can get wrong here (a pasted key, a tag typed in), worded from the catalog.
const KEY_LENGTH = schemaMessage('key.length');
const TAG_TOO_LONG = schemaMessage('tag.any_too_long', { max: 40 });
const TAGS_TOO_MANY = schemaMessage('tag.too_many', { max: 20 });

/** Frames from the page: an imported image by opaque id (its sha256), or a public URL. */
export const IpcFrameRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('frame'), frameId: z.string().regex(/^[a-f0-9]{64}$/, schemaMessage('request.frame_id')) }),
  z.strictObject({ kind: z.literal('url'), url: FrameUrlSchema }),
]);
export const IpcGenerationRequestSchema = generationRequestSchemaWith(IpcFrameRefSchema);

/** An image handed over by the page (dropped, pasted, browsed or grabbed from a video frame). */
export const FrameImportSchema = z.strictObject({
  name: z.string().min(1).max(255),
  /** Base64 of the file's bytes (≤ 20 MB decoded). */
  dataBase64: z
    .string()
    .max(Math.ceil((20_971_520 * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, schemaMessage('request.image_data')),
});

export const SettingsPatchSchema = SettingsSchema.partial().strict();

export const contract = {
  jobs: {
    submit: op(z.strictObject({ request: IpcGenerationRequestSchema }), JobViewSchema),
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
    setFavorite: op(z.strictObject({ id, favorite: z.boolean() }), VideoViewSchema),
    setTags: op(z.strictObject({ id, tags: z.array(z.string().min(1).max(40, TAG_TOO_LONG)).max(20, TAGS_TOO_MANY) }), VideoViewSchema),
    trash: op(z.strictObject({ id }), ok),
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
} as const;

/** Events main pushes; payloads are validated by the client before page code sees them. */
export const events = {
  jobs: { updated: z.array(JobViewSchema) },
  library: { changed: z.strictObject({ added: z.array(z.string()), updated: z.array(z.string()), removed: z.array(z.string()) }) },
  queue: { changed: QueueStateViewSchema },
  app: {
    notice: NoticeSchema,
    /** A native menu command (File › Generate = Cmd/Ctrl+Enter) for the page to carry out. */
    command: z.strictObject({ command: z.enum(['generate']) }),
  },
} as const;
