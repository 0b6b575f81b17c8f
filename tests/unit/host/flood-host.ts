import { startHost } from '../../../electron/host/server.js';

/**
 * The browser host with its real services, run as a child process by
 * flood.test.ts so that its memory can be measured on its own. Argument:
 * a folder holding data/, out/ (the library) and renderer/. It reports its
 * address over the IPC channel, answers `memory` with process.memoryUsage()
 * (for systems without /proc), and closes on `close`.
 */

export interface FloodHostReady {
  ready: { port: number; origin: string; token: string };
}
export interface FloodHostMemory {
  memory: NodeJS.MemoryUsage;
}

const root = process.argv[2];
if (!root || !process.send) throw new Error('Run by flood.test.ts: fork(flood-host.ts, [root]).');
const send = (msg: FloodHostReady | FloodHostMemory): void => void process.send?.(msg);

const host = await startHost({
  dataDir: `${root}/data`,
  rendererDir: `${root}/renderer`,
  env: { LANG: 'en_US.UTF-8', KEYFRAME_OUTPUT_DIR: `${root}/out` },
  forceDemo: true,
  appVersion: '0.0.0-flood',
});
process.on('message', (msg) => {
  if (msg === 'memory') send({ memory: process.memoryUsage() });
  if (msg === 'close') void host.close().then(() => process.exit(0));
});
// The test runner going away must not leave a host behind.
process.on('disconnect', () => void host.close().then(() => process.exit(0)));
send({ ready: { port: host.port, origin: host.origin, token: host.token } });
