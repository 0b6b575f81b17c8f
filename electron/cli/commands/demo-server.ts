import type { CliEnvironment } from '../environment.js';
import type { CliIo } from '../io.js';
import { runDemoServer } from '../runtime.js';

/** Runs the built-in demo provider until Ctrl-C (for pointing APIMART_BASE_URL at it). */
export async function demoServerCommand(argv: string[], _env: CliEnvironment, _io: CliIo): Promise<number> {
  await runDemoServer(argv);
  return 0;
}
