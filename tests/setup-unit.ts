import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, afterEach, beforeEach } from 'vitest';

// Testing Library gives up on findBy*/waitFor after 1 s by default: on a 2-core machine with another
// process busy, a save through fake IndexedDB took longer (the Profile test failed that way). They
// still return as soon as the UI is there; only a real failure waits this long.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
});

// Without vitest globals, Testing Library does not unmount by itself: components stayed mounted
// after their test, their live queries kept rendering, and Preact's after-paint timer (100 ms, then
// cancelAnimationFrame) could fire after jsdom was gone — "cancelAnimationFrame is not defined", an
// unhandled error that failed fresh-clone runs with every test passing. Unmount after each test, and
// let the last timers fire while the window still exists.
afterEach(() => {
  cleanup();
});
afterAll(async () => {
  if (globalThis.document) await new Promise((r) => setTimeout(r, 150));
});
