// Lint rules that keep the runtime boundaries honest: the core and the shared
// contract run under plain Node and in the renderer, so they must never reach
// for Electron; and each layer imports only the layers below it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerImportsRule } from './scripts/eslint-layers.mjs';

/**
 * The layer graph: each folder and the folders it may import (besides itself).
 * Tests, benches and scripts sit outside it and may import anything.
 *
 *   shared            the contract and domain schemas: imports nothing of ours
 *   electron/core     the engine, pure TypeScript on Node; its ports are injected
 *   electron/services the services behind the IPC contract
 *   electron/main, electron/host, electron/cli
 *                     the three front ends; never each other
 *   electron/preload, renderer
 *                     page-side code: the contract in shared/ only
 *   electron/core/demo
 *                     the fake APIMart (the tests' server, the demo provider)
 */
const LAYERS = {
  shared: [],
  'electron/core': ['shared'],
  'electron/core/demo': ['electron/core', 'shared'],
  'electron/services': ['electron/core', 'shared'],
  'electron/main': ['electron/services', 'electron/core', 'shared'],
  'electron/host': ['electron/services', 'electron/core', 'shared'],
  'electron/cli': ['electron/services', 'electron/core', 'shared'],
  'electron/preload': ['shared'],
  renderer: ['shared'],
};

/**
 * The composition roots: one per front end, where the app is wired together.
 * Only they (and tests) reach the fake APIMart, so demo code cannot leak into
 * a path that real jobs take; everything else gets the demo provider as a
 * port (ServicePorts.startDemo).
 */
const COMPOSITION_ROOTS = {
  files: ['electron/main/index.ts', 'electron/host/node-services.ts', 'electron/cli/runtime.ts'],
  mayAlsoImport: ['electron/core/demo'],
};

const keyframe = {
  rules: { 'layer-imports': layerImportsRule({ root: import.meta.dirname, layers: LAYERS, roots: COMPOSITION_ROOTS }) },
};

// Package names only (regex, not globs: a glob like `electron/*` also matches relative
// paths into our own electron/ folder, which are the layer rule's business).
const electronOnly = {
  regex: '^(electron|electron-store)(/|$)',
  message: 'core/ and shared/ are pure TypeScript: inject an Electron adapter from electron/main instead.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'node_modules/**', 'release/**', 'renderer/dist/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JS entry scripts run on Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { keyframe },
    rules: { 'keyframe/layer-imports': 'error' },
  },
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts', 'electron/cli/**/*.ts', 'electron/host/**/*.ts', 'electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly] }],
    },
  },
  {
    // The renderer is untrusted page code: no Node, no Electron, no direct sockets.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(electron|electron-store|ws)(/|$)|^node:',
              message: 'The renderer is untrusted page code: it reaches main only through src/api.ts (window.api or the host socket).',
            },
          ],
        },
      ],
    },
  },
  {
    // The sandboxed preload can only load `electron`; it stays a thin client of the contract.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|electron-store(/|$))',
              message: 'The sandboxed preload may import only electron and shared/.',
            },
          ],
        },
      ],
    },
  },
);
