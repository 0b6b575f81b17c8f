import { defineConfig } from 'vitest/config';

// One config for the renderer build (later) and for the Node unit tests.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
