import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // expect.poll waits on real processes and sockets; on a loaded 2-core CI machine one second is too short to
    // tell "not yet" from "never".
    expect: { poll: { timeout: 10_000 } },
    // Tests open real SQLite files; forks keep native handles isolated per file.
    pool: 'forks',
  },
});
