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
    mockReset: true,
    restoreMocks: true,
  },
});
