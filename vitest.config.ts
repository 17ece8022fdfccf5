import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests open real SQLite files; forks keep native handles isolated per file.
    pool: 'forks',
  },
});
