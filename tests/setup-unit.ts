import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';

// WXT's plugin puts the fake browser in place through a setup file it adds to the root config; the
// projects below do not inherit plugin-added setup files, so it is done here too (same two lines).
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);

beforeEach(() => {
  fakeBrowser.reset();
});

// The rest is for files that have a DOM (the jsdom project, or a `// @vitest-environment jsdom`
// file): files in plain Node do not load Testing Library at all.
if (globalThis.document) {
  const { cleanup, configure } = await import('@testing-library/preact');
  // Testing Library gives up on findBy*/waitFor after 1 s by default: on a 2-core machine with another
  // process busy, a save through fake IndexedDB took longer (the Profile test failed that way). They
  // still return as soon as the UI is there; only a real failure waits this long.
  configure({ asyncUtilTimeout: 10_000 });

  // Without vitest globals, Testing Library does not unmount by itself: components stayed mounted
  // after their test, their live queries kept rendering, and Preact's after-paint timer (100 ms, then
  // cancelAnimationFrame) could fire after jsdom was gone — "cancelAnimationFrame is not defined", an
  // unhandled error that failed fresh-clone runs with every test passing. Unmount after each test, and
  // let the last timers fire while the window still exists.
  afterEach(() => {
    cleanup();
  });
  afterAll(async () => {
    await new Promise((r) => setTimeout(r, 150));
  });
}
