// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeSafe } from './store-safe-plugin';

// The installed libraries, edited as the build edits them: nothing flagged by `web-ext lint` is left.
const require = createRequire(import.meta.url);
const file = (pkg: string, rel: string) => join(dirname(require.resolve(`${pkg}/package.json`)), rel);
const transform = (path: string) => {
  const hook = storeSafe().transform as (code: string, id: string) => { code: string } | null;
  return hook(readFileSync(path, 'utf8'), path)?.code ?? null;
};

describe('store-safe build plugin', () => {
  it('takes zod’s eval probe and JIT out', () => {
    for (const rel of ['v4/core/util.js', 'v4/core/doc.js', 'v4/core/compile.js']) {
      const out = transform(file('zod', rel));
      expect(out).not.toBeNull();
      expect(out).not.toMatch(/new F\(|=\s*Function;/);
    }
  });

  it('takes preact’s dangerouslySetInnerHTML assignment out, keeping the clearing', () => {
    const out = transform(file('preact', 'dist/preact.module.js'))!;
    expect(out).not.toMatch(/\.innerHTML=\w+\.__html\)/);
    expect(out).toContain('innerHTML=""');
  });

  it('takes exceljs’s eval fallbacks out', () => {
    const out = transform(file('exceljs', 'dist/exceljs.min.js'))!;
    expect(out.match(/(?<![\w.])Function\(/g) ?? []).toEqual([]);
  });

  it('fails loudly when a library no longer has the code it removes', () => {
    const hook = storeSafe().transform as (code: string, id: string) => unknown;
    expect(() => hook('export const x = 1;', '/node_modules/zod/v4/core/util.js')).toThrow(/store-safe/);
    expect(hook('export const x = 1;', '/work/src/anything.ts')).toBeNull();
  });
});
