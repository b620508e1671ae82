import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/temp-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits 1 s by default. A browser test's search (index,
    // shards, fragments over HTTP) took longer than that on a loaded CI
    // machine, so a poll fails on slowness, not on a wrong state: give it
    // the time a slow machine needs. A state that never comes still fails.
    expect: { poll: { timeout: 15_000 } },
  },
});
