import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Builds what the e2e specs run: the Node code (the browser host) with tsc and
 * the renderer with Vite. Set KEYFRAME_E2E_SKIP_BUILD=1 to reuse an existing
 * build (it must exist), KEYFRAME_VITE_CONFIG to build with another Vite config.
 */
const REPO = resolve(import.meta.dirname, '..', '..');

export default function globalSetup(): void {
  if (process.env.KEYFRAME_E2E_SKIP_BUILD !== '1') {
    const run = (args: string[]): void => {
      execFileSync(process.execPath, args, { cwd: REPO, stdio: 'inherit' });
    };
    run([join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.node.json']);
    const viteConfig = process.env.KEYFRAME_VITE_CONFIG;
    run([join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', ...(viteConfig ? ['--config', viteConfig] : [])]);
  }
  for (const file of ['dist/electron/host/main.js', 'renderer/dist/index.html']) {
    if (!existsSync(join(REPO, file))) throw new Error(`${file} is missing: run \`npx tsc -p tsconfig.node.json && npx vite build\`.`);
  }
}
