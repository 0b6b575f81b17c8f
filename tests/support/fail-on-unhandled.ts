import { afterEach } from 'vitest';

/**
 * Registered as a vitest setup file: an unhandled promise rejection or an
 * uncaught exception fails the test during which it surfaced. In the app such
 * an error ends the process (the browser host exits on one), so a test that
 * lets one through must not pass, even when every assertion held.
 */

interface Escaped {
  kind: 'unhandledRejection' | 'uncaughtException';
  error: unknown;
}

const STATE = Symbol.for('keyframe.tests.escapedErrors');
type WithState = typeof globalThis & { [STATE]?: Escaped[] };

function escapedErrors(): Escaped[] {
  const g = globalThis as WithState;
  if (g[STATE] === undefined) {
    const escaped: Escaped[] = [];
    g[STATE] = escaped;
    // Once per process: setup files run again for every test file a worker picks up.
    process.on('unhandledRejection', (error) => escaped.push({ kind: 'unhandledRejection', error }));
    process.on('uncaughtException', (error) => escaped.push({ kind: 'uncaughtException', error }));
  }
  return g[STATE];
}

const escaped = escapedErrors();

afterEach(async () => {
  // A rejection left unhandled at the end of the test is reported after the
  // microtask queue drains: give it one turn of the event loop to surface here.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const found = escaped.splice(0);
  if (found.length === 0) return;
  const lines = found.map(({ kind, error }) => `${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  throw new Error(`${found.length} error(s) escaped during this test:\n${lines.join('\n')}`);
});
