import { config } from 'zod/v4/core';

// Imported first by every entry (pages through components/boot.tsx, the background directly).
// Extension pages forbid eval (MV3 CSP; addons.mozilla.org review), so zod must not probe for it with
// a throwaway Function constructor call — under a strict CSP the caught attempt is still reported — nor
// compile its fast paths: `jitless` takes the interpreted path everywhere.
// https://zod.dev/packages/core — `z.config({ jitless: true })`.
// The setting lives in zod's core (shared by `zod` and `zod/mini`); importing only `config` keeps the
// full library out of the pages' first paint.
config({ jitless: true });
