// Lint rules that keep the runtime boundaries honest: the core and the shared
// contract run under plain Node and in the renderer, so they must never reach
// for Electron, the renderer or the Electron main process.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOnly = {
  group: ['electron', 'electron/*', 'electron-store'],
  message: 'core/ and shared/ are pure TypeScript: inject an Electron adapter from electron/main instead.',
};
const noRenderer = {
  group: ['**/renderer/**'],
  message: 'Nothing outside renderer/ may import the renderer.',
};
const noMain = {
  group: ['**/electron/main/**', '**/main/**'],
  message: 'core/ and shared/ may not import the Electron main process.',
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
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, noRenderer, noMain] }],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'electron/host/**/*.ts', 'electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, noRenderer, noMain] }],
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
              group: ['electron', 'electron/*', 'electron-store', '**/electron/**', 'node:*', 'ws'],
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
              group: ['node:*', 'electron-store', '**/electron/main/**', '**/core/**', '**/services/**'],
              message: 'The sandboxed preload may import only electron and shared/.',
            },
            noRenderer,
          ],
        },
      ],
    },
  },
);
