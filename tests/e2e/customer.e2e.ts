// What reaches the customer, end to end on both demo mail sites: drafts for a conditional refund
// threat commit the business to nothing and are named apart; "Insert reply" never lets a bracketed
// placeholder through unnoticed; a customer asking for UK time and a morning gets morning slots in
// Europe/London, in order and labelled by what they asked, and a proposed time that is busy is shown
// as busy with the nearest free times; the booking confirmation mentions no attachment it lacks.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectAccounts, launchExtension, openMailAndPanel, type ExtensionSession } from './harness';
import { SEED_THREADS, gmailDemoPath, outlookDemoPath, type SeedThread } from '../../sandbox/seed/threads';
import { commitmentsIn } from '../../services/assistant/commitments';

const thread = (key: string) => SEED_THREADS.find((t) => t.key === key)!;
let s: ExtensionSession;

beforeAll(async () => {
  s = await launchExtension();
  await connectGoogle();
});
afterAll(async () => {
  await s?.close();
});

async function openThread(path: string): Promise<{ mail: Page; panel: Page }> {
  const { mail, panel } = await openMailAndPanel(s, path);
  await panel.getByTestId('thread-subject').waitFor();
  return { mail, panel };
}

/** Signs in to the sandbox Google account (the demo books there). */
const connectGoogle = () => connectAccounts(s, ['google']);

const editorOf = (mail: Page) => mail.locator('[role=textbox][contenteditable=true]').first();

describe.each([
  ['Gmail', gmailDemoPath],
  ['Outlook', outlookDemoPath],
] as [string, (t: SeedThread) => string][])('%s', (_site, pathOf) => {
  it('answers a conditional refund threat without committing, in tabs named apart, and stops silent placeholders', async () => {
    // "Si no llega el lunes quiero que me devolváis los 156,40 € y cancelo el pedido."
    const { mail, panel } = await openThread(pathOf(thread('late-delivery')));
    await panel.getByTestId('draft-text').waitFor();
    const tabs = panel.getByTestId('drafts').getByRole('tab');
    const names = await tabs.allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/ · (formal|friendly) · ES$/);
    for (let i = 0; i < names.length; i++) {
      await tabs.nth(i).click();
      const text = await panel.getByTestId('draft-text').inputValue();
      expect(text.length).toBeGreaterThan(80);
      expect(commitmentsIn(text), `${names[i]}: ${text}`).toEqual([]);
    }
    // The condition is answered as one: the first draft takes note of it.
    await tabs.first().click();
    expect(await panel.getByTestId('draft-text').inputValue()).toMatch(/Tomamos nota|Me apunto/);

    // Declining is a decision the user makes, and its reason is a placeholder to fill.
    await panel.getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => panel.getByTestId('draft-text').inputValue()).toContain('[su respuesta aquí]');
    expect(await panel.getByTestId('placeholder').first().innerText()).toBe('[su respuesta aquí]');
    await panel.getByRole('button', { name: 'Insert reply' }).click();
    const refusal = panel.getByTestId('placeholders-left');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('[su respuesta aquí]');
    // Nothing reached the site's reply box.
    expect(await mail.locator('[role=textbox][contenteditable=true]').count()).toBe(0);
    // Removing them knowingly inserts the rest.
    await refusal.getByRole('button', { name: 'Remove them and insert' }).click();
    await panel.getByText('The reply is in the mail editor').waitFor();
    const inserted = await editorOf(mail).innerText();
    expect(inserted).toContain('no podemos atenderla');
    expect(inserted).not.toMatch(/\[[^\]]*\]/);
    await mail.close();
    await panel.close();
  });

  it('offers UK-time morning slots in order, shows the busy proposed time with alternatives, and confirms without a phantom attachment', async () => {
    const { mail, panel } = await openThread(pathOf(thread('meeting-uk')));
    await panel.getByTestId('scheduler').waitFor();
    // The customer's zone comes from the mail, with the reason shown.
    const reason = await panel.getByTestId('zone-reason').innerText();
    expect(reason).toContain('Europe/London');
    expect(reason).toContain("We're in London");
    await panel.getByRole('button', { name: 'Find free times' }).click();
    const slots = panel.getByTestId('slots').locator(':scope > li');
    await slots.first().waitFor({ timeout: 20_000 });

    const starts = await slots.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-start'))));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const morning: number[] = [];
    for (let i = 0; i < starts.length; i++) {
      const origin = slots.nth(i).getByTestId('slot-origin');
      if ((await origin.count()) === 0) continue;
      const label = await origin.innerText();
      // Labelled by what the customer asked: the morning, not "proposed" for any free time.
      expect(label).toMatch(/^In the time the customer asked for \(\w+day morning\)$/);
      morning.push(starts[i]!);
    }
    expect(morning.length).toBeGreaterThan(0);
    for (const start of morning) {
      const london = DateTime.fromMillis(start, { zone: 'Europe/London' });
      expect(london.hour).toBeGreaterThanOrEqual(9);
      expect(london.hour * 60 + london.minute + 30).toBeLessThanOrEqual(12 * 60);
      const shown = await panel.locator(`[data-testid=slots] > li[data-start="${start}"]`).innerText();
      expect(shown).toMatch(/Customer.*(GMT|BST)/s);
    }

    // "<weekday> at 9am" UK time is 10:00 in Madrid, when the manager is in an interview.
    const busy = panel.getByTestId('proposal-unavailable');
    await busy.first().waitFor();
    expect(await busy.first().getAttribute('data-reason')).toBe('busy');
    expect(await busy.first().innerText()).toMatch(/\w+day at 9am, proposed by the customer, is busy\./);
    const alternatives = busy.first().getByTestId('alternatives').locator('li');
    expect(await alternatives.count()).toBeGreaterThan(0);

    // Book the first morning slot; the confirmation promises only what really reaches the customer.
    await panel
      .locator(`[data-testid=slots] > li[data-start="${morning[0]}"]`)
      .getByRole('button', { name: 'Book' })
      .click();
    await panel.getByTestId('booking-status').getByText('Booked').waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'Confirmation reply' }).click();
    await expect
      .poll(() => panel.getByTestId('draft-text').inputValue())
      .toMatch(/This confirms our meeting on/);
    const confirmation = await panel.getByTestId('draft-text').inputValue();
    expect(confirmation).toContain('(London time)');
    // The customer is an attendee: their calendar service sends the invitation, and the text says so.
    expect(confirmation).toContain('You will also receive a calendar invitation by email');
    await panel.getByRole('button', { name: 'Insert reply' }).click();
    await panel.getByText('The reply is in the mail editor').waitFor();
    const inserted = await editorOf(mail).innerText();
    expect(inserted).toContain('This confirms our meeting on');
    // No file was attached to the compose box, so none is mentioned.
    expect(inserted).not.toMatch(/\.ics|attach/i);
    await mail.close();
    await panel.close();
  });
});
