#!/usr/bin/env node
// `npm start`: the desktop app when an Electron binary is installed, otherwise
// the browser host (the same services and UI, served on 127.0.0.1).
//
// The Electron binary is located the way the `electron` package does it
// (node_modules/electron/path.txt → dist/<path>, or ELECTRON_OVERRIDE_DIST_PATH)
// WITHOUT calling require('electron'): on a machine where the binary is missing,
// that require starts a download, prints to the console and fails.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function findElectron() {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!rel && !override) return { reason: 'its binary was never downloaded' };
  const bin = override ? join(override, rel || 'electron') : join(pkgDir, 'dist', rel);
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    return { reason: `${bin} is missing or not executable` };
  }
  return { bin };
}

const found = findElectron();
if (found.bin && existsSync(join(root, 'dist', 'electron', 'main', 'index.js'))) {
  const child = spawn(found.bin, [root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
} else {
  const why = found.bin ? 'the desktop app is not built' : found.reason;
  console.log(`Electron is not available on this machine (${why}); starting the browser host instead.`);
  const hostMain = join(root, 'dist', 'electron', 'host', 'main.js');
  if (!existsSync(hostMain)) {
    console.error('The browser host is not built yet. Run `npm run build` first.');
    process.exit(70);
  }
  const { main } = await import(pathToFileURL(hostMain).href);
  const code = await main(process.argv.slice(2), {
    out: (l) => void process.stdout.write(`${l}\n`),
    err: (l) => void process.stderr.write(`${l}\n`),
    env: process.env,
  });
  process.exit(code);
}
