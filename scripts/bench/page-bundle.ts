import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Our code bundled for a plain web page (the real-browser benches run it outside the extension).
 * The extension's browser API is not needed there; a stub keeps imports resolvable.
 */
export async function bundleForPage(entry: string): Promise<string> {
  const bundle = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: 'iife',
    write: false,
    define: { 'import.meta.env.MODE': '"production"' },
    alias: { 'wxt/browser': resolve('scripts/bench/browser-stub.ts') },
  });
  return bundle.outputFiles[0]!.text;
}
