// Offline packaging check: builds a `--linux dir` package against a DUMMY
// Electron (the real binary cannot be downloaded here), then reads the result
// back and asserts what ships:
//   - app.asar holds the built main, the preload and the renderer's index.html,
//     and package.json `main` points at a file inside it;
//   - no tests, no source maps, no .ts sources, no .env files;
//   - every npm package main.js imports is a production dependency and is packed;
//   - the Electron fuses in electron-builder.yml were flipped on the binary
//     (the dummy carries a real fuse wire, so @electron/fuses can read it back).
// Usage: node scripts/check-package.mjs [--override-main]
//   --override-main  package with main=dist-electron/main.js even if package.json says
//                    otherwise (reported loudly; for checking before package.json is fixed).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');

const MAIN = 'dist-electron/main.js';
const failures = [];
const check = (ok, message) => (ok ? console.log(`  ok   ${message}`) : failures.push(message));

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const overrideMain = process.argv.includes('--override-main');
if (pkg.main !== MAIN && !overrideMain) {
  console.error(`package.json "main" is "${pkg.main}"; the packaged app would not start. Set it to "${MAIN}".`);
  process.exit(1);
}
if (!existsSync(join(root, MAIN)) || !existsSync(join(root, 'dist-electron/preload.cjs'))) {
  console.error('dist-electron/ is missing: run `node scripts/build-electron.mjs` first.');
  process.exit(1);
}

// A renderer build is needed; without one, pack a marked placeholder (gitignored, removed afterwards).
const rendererDir = join(root, 'renderer/dist');
const rendererIndex = join(rendererDir, 'index.html');
const placeholder = !existsSync(rendererIndex);
const createdRendererDir = !existsSync(rendererDir);
if (placeholder) {
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(rendererIndex, '<!doctype html><title>placeholder</title>');
}
// Remove only what we added: never someone's half-finished renderer build.
const removePlaceholder = () => {
  if (!placeholder) return;
  rmSync(createdRendererDir ? rendererDir : rendererIndex, { recursive: true, force: true });
};

// The dummy Electron: a script that refuses to run, with a v1 fuse wire in Electron's default states.
const dummy = mkdtempSync(join(tmpdir(), 'kf-electron-dist-'));
const F = { off: 0x30, on: 0x31 };
const wire = [F.on, F.off, F.on, F.on, F.off, F.off, F.off, F.on];
const sentinel = Buffer.concat([Buffer.from('#!/bin/sh\necho "dummy electron for packaging checks" >&2\nexit 1\n# '), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length, ...wire]), Buffer.from('\n')]);
writeFileSync(join(dummy, 'electron'), sentinel);
chmodSync(join(dummy, 'electron'), 0o755);
writeFileSync(join(dummy, 'LICENSE'), 'dummy');
writeFileSync(join(dummy, 'version'), pkg.devDependencies.electron);

const out = join(root, 'release');
rmSync(join(out, 'linux-unpacked'), { recursive: true, force: true });
const args = ['electron-builder', '--linux', 'dir', '--x64', `-c.electronDist=${dummy}`, `-c.electronVersion=${pkg.devDependencies.electron}`, '--publish', 'never'];
if (overrideMain) args.push(`-c.extraMetadata.main=${MAIN}`);
console.log(`$ npx ${args.join(' ')}`);
const run = spawnSync('npx', args, { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
removePlaceholder();
rmSync(dummy, { recursive: true, force: true });
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('electron-builder failed');
  process.exit(1);
}

const unpacked = join(out, 'linux-unpacked');
const archive = join(unpacked, 'resources', 'app.asar');
check(existsSync(archive), 'resources/app.asar exists');
const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/').replace(/^\//, ''));
const has = (f) => files.includes(f);
const packedPkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));

console.log('Checks:');
check(packedPkg.main === MAIN && has(MAIN), `package.json main → ${packedPkg.main} (inside the asar)`);
check(has('dist-electron/preload.cjs'), 'preload: dist-electron/preload.cjs');
check(has('renderer/dist/index.html'), `renderer: renderer/dist/index.html${placeholder ? ' (PLACEHOLDER: build the renderer for a real check)' : ''}`);
const bad = (re) => files.filter((f) => re.test(f));
for (const [label, re] of [
  ['tests', /(^|\/)(tests|__tests__)\//],
  ['source maps', /\.map$/],
  ['TypeScript sources', /\.(ts|tsx|mts|cts)$/],
  ['.env files', /(^|\/)\.env/],
  ['repository sources', /^(electron|shared|scripts|bench|bin|build)\//],
]) {
  const found = bad(re);
  check(found.length === 0, `no ${label}${found.length ? `: ${found.slice(0, 5).join(', ')}` : ''}`);
}

// Every bare import of main.js must be electron, a Node builtin, or a packed production dependency.
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const mainCode = readFileSync(join(root, MAIN), 'utf8');
const imports = [...new Set([...mainCode.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]))];
for (const spec of imports.filter((s) => s !== 'electron' && !builtins.has(s))) {
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  check(Boolean(pkg.dependencies?.[name]) && has(`node_modules/${name}/package.json`), `runtime dependency ${name} is a production dependency and packed`);
}

const fuses = await getCurrentFuseWire(join(unpacked, 'keyframe'));
const expected = { RunAsNode: F.off, EnableCookieEncryption: F.on, EnableNodeOptionsEnvironmentVariable: F.off, EnableNodeCliInspectArguments: F.off, EnableEmbeddedAsarIntegrityValidation: F.on, OnlyLoadAppFromAsar: F.on, GrantFileProtocolExtraPrivileges: F.off };
for (const [name, state] of Object.entries(expected)) {
  check(fuses[FuseV1Options[name]] === state, `fuse ${name} = ${state === F.on ? 'on' : 'off'}`);
}

const nodeModules = new Set(files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(0, f.split('/')[1]?.startsWith('@') ? 3 : 2).join('/')));
console.log(`\napp.asar: ${files.length} entries; packages: ${[...nodeModules].map((m) => m.slice(13)).sort().join(', ')}`);
if (overrideMain && pkg.main !== MAIN) console.log(`NOTE: package.json main is "${pkg.main}"; packaged with --override-main (${MAIN}).`);
if (failures.length > 0) {
  console.error(`\nFAILED (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('Package check passed.');
