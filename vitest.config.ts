import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,reliability,security}/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/temp-dirs.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
