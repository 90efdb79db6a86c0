import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Runs the record benchmarks (scripts/bench/*.measure.ts) with the same in-memory browser and
// IndexedDB as the unit tests. Not part of `npm test`: `npm run bench` calls it.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['scripts/bench/**/*.measure.ts'],
    environment: 'node',
    setupFiles: ['tests/setup-unit.ts'],
    testTimeout: 600_000,
  },
});
