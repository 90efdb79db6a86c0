import { defineConfig } from 'vitest/config';

// End-to-end tests: the built sandbox extension in real headless Chromium, one file at a time
// (they share one sandbox server and a 2-core machine).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
