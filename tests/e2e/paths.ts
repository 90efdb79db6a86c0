import { resolve } from 'node:path';

/** The e2e sandbox port differs from the demo's default so a running demo does not collide. */
export const E2E_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 8799);
export const SANDBOX_BUILD = resolve('.output/chrome-mv3-sandbox');
export const SANDBOX_BUILD_FIREFOX = resolve('.output/firefox-mv2-sandbox');
