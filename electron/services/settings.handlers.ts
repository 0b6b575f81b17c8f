import { isAbsolute, resolve } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { MODELS } from '../../shared/domain/generation.js';
import { isAppFailure } from '../../shared/errors.js';
import type { BalanceView, Settings, SettingsView } from '../../shared/ipc/views.js';
import { isModelUnavailable } from '../core/apimart/errors.js';
import { ensureWritableFolder } from '../core/jobs/job-factory.js';
import { validateTemplate } from '../core/library/file-naming.js';
import type { ServiceContext } from './context.js';
import { keyBalanceView } from './cost.handlers.js';
import { chosenDemo, demoFollowingKey } from './demo-choice.js';
import { invalid, withField } from './failures.js';
import { saveLibraryFolders } from './library-folders.js';
import type { Handlers } from './types.js';

/** settings:* — checks a patch fully before storing any of it, then applies it to the running engine. */
export function settingsHandlers(ctx: ServiceContext): Handlers['settings'] {
  const view = async (): Promise<SettingsView> => settingsView(ctx, ctx.settings(), await ctx.keys.has());
  const update = async (patch: Partial<Settings>) => {
    // The page's demoMode is always the person's own choice (a switch they pressed): recorded as one.
    await applySettings(ctx, patch.demoMode === undefined ? patch : { ...patch, ...chosenDemo(patch.demoMode) });
    return view();
  };
  return {
    get: view,
    update,
    async chooseOutputDir() {
      const chosen = await ctx.ports.shell.chooseFolder(ctx.settings().outputDir);
      return chosen === undefined ? view() : update({ outputDir: chosen });
    },
    async setApiKey({ key }) {
      await ctx.keys.set(key);
      // A key is saved to be used: new jobs run on APIMart from now on, whatever demo mode was before.
      await applySettings(ctx, demoFollowingKey(true));
      // Jobs waiting on a key-related failure look again now rather than at their next backoff.
      ctx.engine.queue.pollNow();
      return view();
    },
    async clearApiKey() {
      await ctx.keys.clear();
      // Without a key only the demo provider can run a job.
      await applySettings(ctx, demoFollowingKey(false));
      return view();
    },
    hasApiKey: async () => ({ hasApiKey: await ctx.keys.has() }),
    testApiKey: () => testApiKey(ctx),
  };
}

/**
 * A balance call proves the key works; the model check (the one every job runs before its first
 * submit) then proves it may make videos at all. A key allowed neither Veo model is refused here,
 * in plain words, rather than at the first job.
 */
async function testApiKey(ctx: ServiceContext): Promise<BalanceView> {
  // The key is tested against APIMart even in demo mode: that is what the person is checking.
  const balance = await keyBalanceView(ctx);
  const provider = 'apimart';
  const failures: unknown[] = [];
  for (const model of MODELS) {
    try {
      await ctx.engine.checkModel(provider, model);
      return balance;
    } catch (err) {
      failures.push(err);
    }
  }
  // Only refusals mean "no model": a network failure or a garbled reply is reported as itself.
  const other = failures.find((err) => !isModelRefusal(err));
  if (other !== undefined) throw other;
  throw appFailure('permission', errorMessage('model.none_available'), { retryable: false, field: 'key' });
}

function isModelRefusal(err: unknown): boolean {
  return isAppFailure(err) && (err.app.key === 'model.not_available' || err.app.key === 'model.wrong_operation' || isModelUnavailable(err.app));
}

/** Built field by field: the store may hold more than the page should see, and the view schema is strict. */
function settingsView(ctx: ServiceContext, s: Settings, hasApiKey: boolean): SettingsView {
  return {
    outputDir: s.outputDir,
    nameTemplate: s.nameTemplate,
    concurrency: s.concurrency,
    language: s.language,
    theme: s.theme,
    demoMode: s.demoMode,
    dailyCapUsd: s.dailyCapUsd ?? null,
    monthlyCapUsd: s.monthlyCapUsd ?? null,
    hasApiKey,
    keyStorage: ctx.ports.secrets.storage(),
  };
}

async function applySettings(ctx: ServiceContext, patch: Partial<Settings>): Promise<void> {
  const checked: Partial<Settings> = { ...patch };
  if (patch.nameTemplate !== undefined) {
    const v = validateTemplate(patch.nameTemplate);
    if (!v.ok) throw invalid('nameTemplate', v);
  }
  if (patch.outputDir !== undefined) checked.outputDir = await checkOutputDir(patch.outputDir);
  const before = ctx.settings();
  const after = ctx.ports.settings.update(checked);
  if (after.concurrency !== before.concurrency) ctx.engine.queue.setConcurrency(after.concurrency);
  if ((after.dailyCapUsd ?? null) !== (before.dailyCapUsd ?? null) || (after.monthlyCapUsd ?? null) !== (before.monthlyCapUsd ?? null)) {
    // Jobs held for a cap that the new caps allow continue by themselves.
    await ctx.engine.queue.releaseApprovals().catch((err: unknown) => ctx.logger.log('error', 'held jobs could not be checked against the new caps', { error: err }));
  }
  if (after.outputDir !== before.outputDir) {
    // New jobs land there, so its videos belong in the library; older folders stay listed.
    await ctx.engine.library.addDir(after.outputDir);
    await saveLibraryFolders(ctx.ports.dataDir, ctx.engine.library.directories()).catch((err: unknown) =>
      ctx.logger.log('warn', 'could not remember the library folders', { error: err }),
    );
  }
}

/** A paid result must have somewhere to land: refuse a folder that cannot be written now, not after the charge. */
async function checkOutputDir(dir: string): Promise<string> {
  // Relative to what? Main's working directory means nothing to the person.
  if (!isAbsolute(dir) || dir.includes('\0')) throw invalid('outputDir', errorMessage('settings.output_relative'));
  const folder = resolve(dir);
  try {
    await ensureWritableFolder(folder);
  } catch (err) {
    throw withField(err, 'outputDir', errorMessage('output.not_writable', { folder }));
  }
  return folder;
}
