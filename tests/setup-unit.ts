import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

// Testing Library gives up on findBy*/waitFor after 1 s by default: on a 2-core machine with another
// process busy, a save through fake IndexedDB took longer (the Profile test failed that way). They
// still return as soon as the UI is there; only a real failure waits this long.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
});
