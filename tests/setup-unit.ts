import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeEach } from 'vitest';

// Testing Library gives up on findBy*/waitFor after 1 s by default: on a 2-core machine with another
// process busy, a save through fake IndexedDB took longer (the Profile test failed that way). They
// still return as soon as the UI is there; only a real failure waits this long.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
});

// Preact runs effects after paint: a requestAnimationFrame with a 100 ms timer as fallback, whose
// callback calls cancelAnimationFrame. When that timer outlives the file, jsdom is gone by then and
// the run ends with "cancelAnimationFrame is not defined" (an unhandled error that failed npm test).
// Files that rendered something let those timers fire while the window still exists.
afterAll(async () => {
  if (globalThis.document?.body?.children.length) await new Promise((r) => setTimeout(r, 150));
});
