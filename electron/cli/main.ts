import { errorMessage } from '../../shared/error-messages.js';
import { isAppFailure } from '../../shared/errors.js';
import { QueueLockedError } from '../core/jobs/queue-lock.js';
import { isDiskFull } from '../core/util/fs-errors.js';
import { fsRefusal } from '../core/util/fs-refusal.js';
import { balanceCommand } from './commands/balance.js';
import { BATCH_HELP, batchCommand } from './commands/batch.js';
import { budgetCommand } from './commands/budget.js';
import { generateCommand } from './commands/generate.js';
import { jobsCommand } from './commands/jobs.js';
import { libraryCommand } from './commands/library.js';
import { resumeCommand } from './commands/resume.js';
import { spendCommand } from './commands/spend.js';
import { stopCommand, retryCommand } from './commands/job-actions.js';
import { demoServerCommand } from './commands/demo-server.js';
import { EXPORT_HELP, exportCommand } from './commands/export.js';
import { readEnvironment, type CliEnvironment } from './environment.js';
import { GENERATE_OPTIONS_HELP } from './generate-flags.js';
import { EXIT } from './exit-codes.js';
import { fail, processIo, type CliIo } from './io.js';

const HELP = `keyframe — Veo 3.1 video generation through APIMart

Usage:
  keyframe generate "prompt" [options]   generate a video and save it (waits until it is on disk)
${BATCH_HELP}  keyframe jobs [--json]                  list jobs, newest first
  keyframe resume [--json]                continue unfinished jobs (after a crash or Ctrl-C)
  keyframe stop <job-id>                  stop tracking a job (APIMart has no cancel)
  keyframe retry <job-id>                 run a finished job again as a new job
  keyframe library [--search TEXT] [--dir DIR] [--json]
${EXPORT_HELP}  keyframe balance [--demo] [--json]
  keyframe spend [--month YYYY-MM] [--json]
                                          what was spent: today, the month, all time, per day and per job
  keyframe budget [--daily USD] [--monthly USD] [--clear] [--json]
                                          show or set the spending caps (\`none\` removes one); the app and
                                          the CLI hold a live job that would pass one
  keyframe demo-server                    run the built-in demo provider on 127.0.0.1

generate options:
${GENERATE_OPTIONS_HELP}
Environment: APIMART_API_KEY (never pass the key as a flag), APIMART_BASE_URL,
KEYFRAME_DATA_DIR (journal, logs, caches), KEYFRAME_OUTPUT_DIR.
Exit codes: 0 ok · 1 failed/expired · 2 bad input · 3 key missing/rejected ·
4 balance too low or a spending cap would be passed (nothing sent) · 5 needs attention (run resume) ·
6 queue busy in another process · 130 interrupted (run resume).
`;

type Command = (argv: string[], env: CliEnvironment, io: CliIo) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  generate: generateCommand,
  batch: batchCommand,
  jobs: jobsCommand,
  resume: resumeCommand,
  stop: stopCommand,
  retry: retryCommand,
  library: libraryCommand,
  balance: balanceCommand,
  spend: spendCommand,
  budget: budgetCommand,
  'demo-server': demoServerCommand,
  export: exportCommand,
};

export async function runCli(argv: string[], io: CliIo = processIo, env: CliEnvironment = readEnvironment()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${env.appVersion}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    fail(io, `unknown command “${name}”. Run \`keyframe help\`.`);
    return EXIT.usage;
  }
  try {
    return await command(rest, env, io);
  } catch (err) {
    if (err instanceof QueueLockedError) return fail(io, err.message), EXIT.locked;
    if (isAppFailure(err)) return fail(io, err.app.message), err.app.code === 'disk_full' ? EXIT.attention : EXIT.failed;
    if (isDiskFull(err)) return fail(io, fsRefusal(err, errorMessage('fs.write_failed')).message), EXIT.attention;
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return fail(io, err.message), EXIT.usage;
    fail(io, `unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failed;
  }
}
