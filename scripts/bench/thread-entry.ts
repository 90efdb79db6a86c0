// Bundled into the demo mail page for the thread-read benchmark (scripts/bench/trace.ts): the
// extension's own Gmail and Outlook adapters, reading a long thread in real Chromium's DOM.
import { createGmailAdapter } from '../../services/mail-sites/gmail';
import { createOutlookAdapter } from '../../services/mail-sites/outlook';
import type { MailSite } from '../../services/mail-sites/types';

export interface ThreadReadSample {
  /** Median of the timed reads, ms. */
  medianMs: number;
  messages: number;
  /** Messages the adapter read with their full body (not collapsed to a snippet). */
  full: number;
  problem: string | null;
}

/** Clicks open every message, as a user going through the whole thread would. */
function expandAll(site: MailSite): void {
  if (site === 'gmail') {
    document.querySelector<HTMLElement>('.adv[role=button]')?.click();
    for (const item of Array.from(document.querySelectorAll<HTMLElement>('[role=list] > .kv'))) item.click();
  } else {
    for (const toggle of Array.from(document.querySelectorAll<HTMLElement>('[aria-expanded=false]')))
      toggle.click();
  }
}

function read(site: MailSite, runs: number, expand: boolean): ThreadReadSample {
  if (expand) expandAll(site);
  const adapter = site === 'gmail' ? createGmailAdapter() : createOutlookAdapter();
  const once = () => adapter.readThread(document, location.href);
  const first = once(); // warm-up, and the result the figures describe
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    once();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return {
    medianMs: samples[Math.floor(samples.length / 2)]!,
    messages: first.ok ? first.snapshot.messages.length : 0,
    full: first.ok ? first.snapshot.messages.filter((m) => !m.collapsed).length : 0,
    problem: first.ok ? null : JSON.stringify(first.problem),
  };
}

(globalThis as unknown as { runThreadRead: typeof read }).runThreadRead = read;
