import { z } from 'zod';

// Imported first by every entry (pages through components/boot.tsx, the background directly).
// Extension pages forbid eval (MV3 CSP; addons.mozilla.org review), so zod must not probe for it with
// a throwaway Function constructor call — under a strict CSP the caught attempt is still reported — nor
// compile its fast paths: `jitless` takes the interpreted path everywhere.
// https://zod.dev/packages/core — `z.config({ jitless: true })`.
z.config({ jitless: true });
