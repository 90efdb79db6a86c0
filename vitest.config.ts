import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: an in-memory browser (WXT's fakeBrowser) and IndexedDB (fake-indexeddb).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.output/**', 'tests/e2e/**'],
    environment: 'jsdom',
    setupFiles: ['tests/setup-unit.ts'],
    // Explicit, with margin: the slowest unit test stays under a third of it on a 2-core machine with
    // one core busy (npm test lists the slowest tests and any that come within 3×).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    mockReset: true,
    restoreMocks: true,
  },
});
