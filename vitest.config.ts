import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: an in-memory browser (WXT's fakeBrowser) and IndexedDB (fake-indexeddb).
//
// Two projects, so only the files that need a DOM pay for setting up jsdom (it was a third of the
// unit time when every file had one). The rule (README "The test suite"):
// - jsdom: `*.test.tsx`, and `*.test.ts` under components/, entrypoints/ or services/mail-sites/;
// - plain Node: every other `*.test.ts`. Such a file that needs a DOM starts with the line
//   `// @vitest-environment jsdom` (it then gets jsdom in this project).
// Each project lists its own files and the root lists none: a root `include` would be merged into
// both projects and run every file twice.
const DOM_TESTS = [
  '**/*.test.tsx',
  'components/**/*.test.ts',
  'entrypoints/**/*.test.ts',
  'services/mail-sites/**/*.test.ts',
];
const NOT_UNIT = ['node_modules/**', '.output/**', 'tests/e2e/**'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/setup-unit.ts'],
    // Explicit, with margin: the slowest unit test stays under a third of it on a 2-core machine with
    // one core busy (npm test lists the slowest tests and any that come within 3×).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    mockReset: true,
    restoreMocks: true,
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Files are
    // independent (each its own process, fake IndexedDB and fake browser; servers on port 0), so two
    // run at once there (unit step 89 s -> 70 s); larger machines keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['**/*.test.ts'],
          exclude: [...NOT_UNIT, ...DOM_TESTS],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: { name: 'jsdom', include: DOM_TESTS, exclude: NOT_UNIT, environment: 'jsdom' },
      },
    ],
  },
});
