import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer graph in eslint.config.js, checked through ESLint itself with the
 * repository's own config: code placed (by file name only; nothing is written)
 * in one layer and importing another must be refused or accepted as the
 * graph says. A config change that silently drops a restriction fails here.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const RULE = 'keyframe/layer-imports';
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function layerErrors(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  if (!result) throw new Error('ESLint returned no result');
  // A sample that does not parse proves nothing.
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE);
}

const importing = (specifier: string) => `import { thing } from '${specifier}';\nexport const used = thing;\n`;

/** [what, file the code sits in, the import it makes] */
const FORBIDDEN: [string, string, string][] = [
  ['core → services', 'electron/core/jobs/layer-sample.ts', '../../services/types.js'],
  ['core → host', 'electron/core/layer-sample.ts', '../host/server.js'],
  ['core → main', 'electron/core/util/layer-sample.ts', '../../main/paths.js'],
  ['core → cli', 'electron/core/library/layer-sample.ts', '../../cli/environment.js'],
  ['core → core/demo', 'electron/core/jobs/layer-sample.ts', '../demo/fake-apimart.js'],
  ['core → renderer', 'electron/core/layer-sample.ts', '../../renderer/src/api.js'],
  ['services → host', 'electron/services/layer-sample.ts', '../host/json-settings-store.js'],
  ['services → main', 'electron/services/layer-sample.ts', '../main/paths.js'],
  ['services → cli', 'electron/services/layer-sample.ts', '../cli/environment.js'],
  ['services → core/demo', 'electron/services/layer-sample.ts', '../core/demo/content-types.js'],
  ['main → host', 'electron/main/layer-sample.ts', '../host/json-settings-store.js'],
  ['main → cli', 'electron/main/adapters/layer-sample.ts', '../../cli/environment.js'],
  ['host → cli', 'electron/host/layer-sample.ts', '../cli/environment.js'],
  ['host → main', 'electron/host/layer-sample.ts', '../main/paths.js'],
  ['cli → main', 'electron/cli/layer-sample.ts', '../main/paths.js'],
  ['cli → host', 'electron/cli/commands/layer-sample.ts', '../../host/server.js'],
  ['a non-root host file → core/demo', 'electron/host/server.ts', '../core/demo/fake-apimart.js'],
  ['a non-root cli file → core/demo', 'electron/cli/commands/balance.ts', '../../core/demo/fake-apimart.js'],
  ['a non-root main file → core/demo', 'electron/main/window.ts', '../core/demo/fake-apimart.js'],
  ['preload → core', 'electron/preload/layer-sample.ts', '../core/ports.js'],
  ['preload → services', 'electron/preload/layer-sample.ts', '../services/types.js'],
  ['renderer → electron/services', 'renderer/src/layer-sample.ts', '../../electron/services/types.js'],
  ['renderer → electron/core', 'renderer/src/features/queue/layer-sample.ts', '../../../../electron/core/jobs/job-machine.js'],
  ['shared → core', 'shared/domain/layer-sample.ts', '../../electron/core/ports.js'],
  ['shared → services', 'shared/ipc/layer-sample.ts', '../../electron/services/types.js'],
  ['shared → renderer', 'shared/layer-sample.ts', '../renderer/src/api.js'],
  ['core/demo → services', 'electron/core/demo/layer-sample.ts', '../../services/types.js'],
  ['app code → tests', 'electron/core/layer-sample.ts', '../../tests/support/fake-clock.js'],
];

const ALLOWED: [string, string, string][] = [
  ['shared → shared', 'shared/domain/layer-sample.ts', '../errors.js'],
  ['core → shared', 'electron/core/jobs/layer-sample.ts', '../../../shared/domain/job.js'],
  ['core → core', 'electron/core/jobs/layer-sample.ts', '../util/fs-errors.js'],
  ['core/demo → core', 'electron/core/demo/layer-sample.ts', '../ports.js'],
  ['core/demo → core/demo', 'electron/core/demo/layer-sample.ts', './fixtures.js'],
  ['services → core', 'electron/services/layer-sample.ts', '../core/engine.js'],
  ['services → shared', 'electron/services/layer-sample.ts', '../../shared/errors.js'],
  ['main → services', 'electron/main/adapters/layer-sample.ts', '../../services/types.js'],
  ['main → core', 'electron/main/layer-sample.ts', '../core/ports.js'],
  ['host → services', 'electron/host/layer-sample.ts', '../services/default-settings.js'],
  ['cli → services', 'electron/cli/layer-sample.ts', '../services/environment-defaults.js'],
  ['cli → core', 'electron/cli/commands/layer-sample.ts', '../../core/engine.js'],
  ['preload → shared', 'electron/preload/layer-sample.ts', '../../shared/ipc/channels.js'],
  ['renderer → shared', 'renderer/src/features/queue/layer-sample.ts', '../../../../shared/domain/job.js'],
  ['renderer → renderer', 'renderer/src/features/queue/layer-sample.ts', '../../api.js'],
  ['the desktop root → core/demo', 'electron/main/index.ts', '../core/demo/fake-apimart.js'],
  ['the browser host root → core/demo', 'electron/host/node-services.ts', '../core/demo/fake-apimart.js'],
  ['the CLI root → core/demo', 'electron/cli/runtime.ts', '../core/demo/fake-apimart.js'],
  ['tests → anything', 'tests/unit/layer-sample.test.ts', '../../electron/main/paths.js'],
  ['tests → core/demo', 'tests/unit/layer-sample.test.ts', '../../electron/core/demo/fake-apimart.js'],
];

describe('the layer graph (eslint.config.js)', () => {
  it.each(FORBIDDEN)('refuses %s', async (_edge, file, specifier) => {
    const errors = await layerErrors(file, importing(specifier));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: 2, line: 1 });
    expect(errors[0]?.message).toMatch(/may not import|reached only by the composition roots/);
  });

  it.each(ALLOWED)('accepts %s', async (_edge, file, specifier) => {
    expect(await layerErrors(file, importing(specifier))).toEqual([]);
  });

  it('says which layers the importer may use, and names the roots for the demo provider', async () => {
    const [toHost] = await layerErrors('electron/services/layer-sample.ts', importing('../host/server.js'));
    expect(toHost?.message).toBe(
      'electron/services may not import electron/host (electron/host/server.js): electron/services may import only electron/core, shared.',
    );
    const [fromShared] = await layerErrors('shared/layer-sample.ts', importing('../electron/core/ports.js'));
    expect(fromShared?.message).toContain('shared may import only nothing outside itself');
    const [toDemo] = await layerErrors('electron/services/layer-sample.ts', importing('../core/demo/fake-apimart.js'));
    expect(toDemo?.message).toContain('electron/main/index.ts, electron/host/node-services.ts, electron/cli/runtime.ts');
  });

  it('judges every form of import: type-only, re-exports, dynamic import() and import types', async () => {
    const file = 'electron/core/jobs/layer-sample.ts';
    const forms = [
      "import type { AppServices } from '../../services/types.js';\nexport type A = AppServices;\n",
      "export { createAppServices } from '../../services/app-services.js';\n",
      "export * from '../../services/types.js';\n",
      "export const load = () => import('../../services/app-services.js');\n",
      "export type B = typeof import('../../services/app-services.js');\n",
    ];
    for (const code of forms) expect(await layerErrors(file, code), code).toHaveLength(1);
  });

  it('leaves package imports to the other rules', async () => {
    expect(await layerErrors('electron/core/layer-sample.ts', importing('node:path'))).toEqual([]);
  });
});

describe('package bans beside the layer graph (no-restricted-imports)', () => {
  const banned = async (file: string, specifier: string) => {
    const [result] = await eslint.lintText(importing(specifier), { filePath: join(ROOT, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
  };

  it.each([
    ['electron/core/layer-sample.ts', 'electron'],
    ['shared/layer-sample.ts', 'electron-store'],
    ['electron/services/layer-sample.ts', 'electron'],
    ['electron/host/layer-sample.ts', 'electron/main'],
    ['renderer/src/layer-sample.ts', 'node:fs'],
    ['renderer/src/layer-sample.ts', 'ws'],
    ['electron/preload/layer-sample.ts', 'node:path'],
    ['electron/preload/layer-sample.ts', 'electron-store'],
  ])('%s may not import the package %s', async (file, specifier) => {
    expect(await banned(file, specifier)).toBe(1);
  });

  it.each([
    ['electron/main/layer-sample.ts', 'electron'],
    ['electron/preload/layer-sample.ts', 'electron'],
    ['electron/core/layer-sample.ts', 'node:fs'],
    ['renderer/src/layer-sample.ts', 'react'],
    // A path into our own electron/ folder is the layer rule's to judge, not a package ban.
    ['renderer/src/layer-sample.ts', '../../electron/core/ports.js'],
  ])('%s may import %s as far as package bans go', async (file, specifier) => {
    expect(await banned(file, specifier)).toBe(0);
  });
});
