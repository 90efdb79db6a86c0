import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGmailAdapter } from './gmail';
import { createOutlookAdapter } from './outlook';
import type { ReadResult } from './types';

// Every saved page in tests/fixtures/{gmail,outlook} has an expected/<site>-<name>.json holding the
// URL it was saved at, the zone its dates are in, and the exact result the adapter must return.

interface Expected {
  fixture: string;
  url: string;
  zone: string;
  now: string;
  result: ReadResult;
}

const EXPECTED_DIR = 'tests/fixtures/expected';
const cases = readdirSync(EXPECTED_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(EXPECTED_DIR, f), 'utf8')) as Expected);

function load(fixture: string): Document {
  return new DOMParser().parseFromString(readFileSync(join('tests/fixtures', fixture), 'utf8'), 'text/html');
}

describe('saved pages', () => {
  it('every fixture page has an expectation', () => {
    const pages = ['gmail', 'outlook'].flatMap((site) =>
      readdirSync(join('tests/fixtures', site)).map((f) => `${site}/${f}`),
    );
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(cases.map((c) => c.fixture).sort()).toEqual(pages.sort());
  });

  it.each(cases.map((c) => [c.fixture, c] as const))('%s reads as expected', (_name, expected) => {
    const options = { zone: () => expected.zone, now: () => Date.parse(expected.now) };
    const adapter = expected.fixture.startsWith('gmail/')
      ? createGmailAdapter(options)
      : createOutlookAdapter(options);
    const doc = load(expected.fixture);
    const before = doc.documentElement.outerHTML;
    expect(adapter.readThread(doc, expected.url)).toEqual(expected.result);
    // Reading is pure with respect to the page.
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
