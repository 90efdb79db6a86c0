// House rules that are easy to break without noticing (STYLE.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

const uiFiles = [...files('entrypoints', /\.tsx$/), ...files('components', /\.tsx$/)];
const TEXT_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'label']);

/** Human-readable text written straight into JSX instead of going through `t()`. */
function literalsIn(path: string): string[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}/u.test(node.initializer.text)
    )
      found.push(node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('conventions', () => {
  it('UI text goes through i18n, never as literals in components', () => {
    expect(uiFiles.length).toBeGreaterThan(3);
    const offenders = uiFiles.flatMap((f) => literalsIn(f).map((text) => `${f}: ${text}`));
    expect(offenders).toEqual([]);
  });

  it('no mail page DOM access outside the site adapters and the content script', () => {
    const offenders = files('services', /\.tsx?$/)
      .filter((f) => !f.includes('mail-sites') && !f.endsWith('.test.ts'))
      .filter((f) => /document\.querySelector|\.closest\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every page fixture says how it was made, and claims no capture it did not have', () => {
    const pages = [
      ...files('tests/fixtures/gmail', /\.html$/),
      ...files('tests/fixtures/outlook', /\.html$/),
    ];
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const header = /<!--([\s\S]*?)-->/.exec(readFileSync(page, 'utf8'))?.[1] ?? '';
      expect(header, page).toMatch(/Made: /);
      // A hand-written page is never described as saved from a live site on some date.
      expect(header, page).not.toMatch(/Saved:|from a (Workspace|personal) account/);
    }
  });

  it('no focused or skipped tests are committed', () => {
    const tests = [
      ...files('services', /\.test\.tsx?$/),
      ...files('components', /\.test\.tsx?$/),
      ...files('tests', /\.(test|e2e)\.tsx?$/),
      ...files('sandbox', /\.test\.ts$/),
    ];
    const offenders = tests.filter((f) =>
      /\b(it|describe|test)\.(only|skip)\(/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('entrypoints stay thin', () => {
    const long = files('entrypoints', /\.(ts|tsx)$/).filter(
      (f) => readFileSync(f, 'utf8').split('\n').length > 250,
    );
    expect(long).toEqual([]);
  });
});
