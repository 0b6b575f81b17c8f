import { parseArgs } from 'node:util';
import { isAppFailure } from '../../../shared/errors.js';
import { ApimartClient } from '../../core/apimart/client.js';
import { DEFAULT_API_BASE } from '../../core/engine.js';
import { systemClock } from '../../core/ports.js';
import type { CliEnvironment } from '../environment.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { fail, type CliIo } from '../io.js';
import { createCliLogger, startDemoProvider } from '../runtime.js';

export async function balanceCommand(argv: string[], env: CliEnvironment, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, demo: { type: 'boolean' } }, strict: true });
  if (!values.demo && !env.apiKey) {
    fail(io, 'no API key: set APIMART_API_KEY (or use --demo)');
    return EXIT.auth;
  }
  const demo = values.demo ? await startDemoProvider() : undefined;
  try {
    const client = new ApimartClient({
      fetch: globalThis.fetch.bind(globalThis),
      baseUrl: demo?.apiUrl ?? env.baseUrl ?? DEFAULT_API_BASE,
      apiKey: async () => (demo ? 'demo' : env.apiKey),
      clock: systemClock,
      logger: createCliLogger(env),
    });
    const b = await client.balance();
    if (values.json) io.stdout.write(`${JSON.stringify({ event: 'balance', ...b })}\n`);
    else io.stdout.write(b.unlimited ? 'Balance: unlimited\n' : `Balance: $${(b.remainUsd ?? 0).toFixed(2)} remaining ($${(b.usedUsd ?? 0).toFixed(2)} used)\n`);
    return EXIT.ok;
  } catch (err) {
    if (!isAppFailure(err)) throw err;
    fail(io, err.app.message);
    return exitCodeFor(err.app.code);
  } finally {
    await demo?.close();
  }
}
