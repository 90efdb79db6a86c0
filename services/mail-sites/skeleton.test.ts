import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGmailAdapter } from './gmail';
import { createOutlookAdapter } from './outlook';
import { calendarWords, pageSkeleton } from './skeleton';
import { skeletonVocabulary } from './skeleton-vocabulary';
import type { ReadResult } from './types';

const options = { zone: () => 'Europe/Madrid', now: () => Date.parse('2026-12-04T12:00:00Z') };

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function load(path: string): Document {
  return parse(readFileSync(path, 'utf8'));
}

/** What must survive anonymising. Order is not compared: dates are masked, and Outlook sorts by them. */
function shape(result: ReadResult) {
  if (!result.ok) return result;
  return result.snapshot.messages
    .map((m) => `fromUser=${m.fromUser} collapsed=${m.collapsed} text=${m.text.length > 0}`)
    .sort();
}

const cases = [
  {
    page: 'tests/fixtures/gmail/thread-en-full.html',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWdGpMbqFnKrZTmhvHpCbmbz',
    adapter: createGmailAdapter(options),
    secrets: ['Whitaker', 'whitaker-builds', 'FL-20931', 'mitre', '489', '07700', 'ops@demo-ferreteria.es'],
  },
  {
    page: 'tests/fixtures/outlook/reading-pane-en.html',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI4ZTQtMDACLTAwCgAQAAx%2BqP3rVhJKo8cYdoQfJDU%3D',
    adapter: createOutlookAdapter(options),
    secrets: ['Ferretería', 'ferreteria', 'AAQkADAwATM0MDAAMS1i'],
  },
];

describe('page skeleton', () => {
  it.each(cases)('$page keeps what the adapter reads and no text or address', (c) => {
    const doc = load(c.page);
    const before = c.adapter.readThread(doc, c.url);
    expect(before.ok).toBe(true);
    // A parsed document has no layout here: the inline display stands in for checkVisibility().
    const isHidden = (el: Element) => (el as HTMLElement).style?.display === 'none';
    const skeleton = pageSkeleton(doc, c.url, { vocabulary: skeletonVocabulary(), isHidden });

    for (const secret of c.secrets) expect(skeleton.html).not.toContain(secret);
    expect(skeleton.html).not.toMatch(/<script|<style|href=|src=/i);

    // The skeleton is still a page the adapter understands, with the same structure.
    const url = skeleton.html.match(/url: (\S+)/)![1]!;
    const after = c.adapter.readThread(parse(skeleton.html), url);
    expect(shape(after)).toEqual(shape(before));
    if (after.ok && before.ok) {
      expect(after.snapshot.subject).not.toBe(before.snapshot.subject);
      expect(after.snapshot.subject.length).toBe(before.snapshot.subject.length);
    }
  });

  it('gives the same address the same pseudonym everywhere (who is "us" survives)', () => {
    const doc = parse(
      '<p aria-label="From: Ana &lt;ana@shop.es&gt;">ana@shop.es wrote to Ana@Shop.es and bo@x.com</p>',
    );
    const { html } = pageSkeleton(doc, 'https://mail.google.com/mail/u/0/', { vocabulary: ['From:'] });
    expect(html).toContain('aria-label="From: Xxx &lt;person1@example.invalid&gt;"');
    expect(html).toContain(
      'person1@example.invalid xxxxx xx person1@example.invalid xxx person2@example.invalid',
    );
  });

  it('masks letters and digits but keeps UI words, month names and punctuation', () => {
    const doc = parse('<span class="g3" title="lun, 23 nov 2026, 9:12">Pedido 4821 de Lucía</span>');
    const { html } = pageSkeleton(doc, 'https://mail.google.com/', { vocabulary: calendarWords(['es']) });
    expect(html).toContain('title="lun, 00 nov 0000, 0:00"');
    expect(html).toContain('>Xxxxxx 0000 xx Xxxxx</span>');
  });

  it('marks elements hidden by layout and drops content elements and links', () => {
    const doc = parse(
      '<div id="a1" class="x"><a href="https://evil.example/?q=secret" onclick="x()">link</a><img src="cid:photo"><script>secret()</script><div class="gone">old</div></div>',
    );
    const { html } = pageSkeleton(doc, 'https://mail.google.com/', {
      vocabulary: [],
      isHidden: (el) => el.classList.contains('gone'),
    });
    expect(html).toContain('<div class="gone" style="display:none">xxx</div>');
    expect(html).not.toMatch(/evil|secret|onclick|cid:/);
    expect(html).toContain('<a>xxxx</a><img>');
  });

  it('walks 20,000 levels of nesting without recursion and stops at the element cap', () => {
    // jsdom builds and parses such depth in quadratic time (minutes), so the tree is plain nodes with
    // just what the walk reads: the walk is what is tested here, not jsdom.
    type Plain = {
      nodeType: number;
      tagName?: string;
      nodeValue?: string;
      attributes: [];
      childNodes: Plain[];
    };
    let node: Plain = { nodeType: 3, nodeValue: 'deep', attributes: [], childNodes: [] };
    for (let i = 0; i < 20_000; i++)
      node = { nodeType: 1, tagName: 'DIV', attributes: [], childNodes: [node] };
    const doc = { documentElement: node } as unknown as Document;
    expect(pageSkeleton(doc, 'https://mail.google.com/', { vocabulary: [] }).html).toContain(
      '<div>xxxx</div>',
    );
    const capped = pageSkeleton(doc, 'https://mail.google.com/', { vocabulary: [], maxElements: 100 });
    expect(capped.truncated).toBe(true);
    expect(capped.elements).toBe(100);
  });
});

// Skeletons saved with the panel's button (or made by the procedure in the README) are loaded here
// unchanged: each has an expectation of what the adapter reads from it.
describe('saved skeletons', () => {
  const dir = 'tests/fixtures/skeletons';
  const files = readdirSync(dir).filter((f) => f.endsWith('.html'));

  it('there is at least one saved skeleton per site', () => {
    expect(files.some((f) => f.startsWith('gmail'))).toBe(true);
    expect(files.some((f) => f.startsWith('outlook'))).toBe(true);
  });

  it.each(files)('%s reads as its expectation says', (file) => {
    const html = readFileSync(join(dir, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.json')), 'utf8')) as {
      messages: number;
      fromUser: number;
    };
    const url = html.match(/url: (\S+)/)![1]!;
    const adapter = file.startsWith('gmail') ? createGmailAdapter(options) : createOutlookAdapter(options);
    const result = adapter.readThread(parse(html), url);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.messages.length).toBe(expected.messages);
    expect(result.snapshot.messages.filter((m) => m.fromUser).length).toBe(expected.fromUser);
  });
});
