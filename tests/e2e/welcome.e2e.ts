// Installing the extension opens the welcome page: language, business profile, calendars and, in
// the sandbox build, a demo thread to try.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension();
});
afterAll(async () => {
  await s?.close();
});

describe('welcome page', () => {
  it('opens by itself on install, with the three steps and the demo', async () => {
    const url = `chrome-extension://${s.extensionId}/welcome.html`;
    // The tab may have opened before the test looked: check the open pages, then wait for one.
    const welcome: Page =
      s.context.pages().find((p) => p.url() === url) ??
      (await s.context.waitForEvent('page', { predicate: (p) => p.url() === url }));
    await welcome.getByRole('heading', { name: 'Welcome to Ops Assistant' }).waitFor();
    for (const step of ['1. Language', '2. Your business', '3. Calendars', 'Try it on a demo thread'])
      await welcome.getByRole('heading', { name: step }).waitFor();
    expect(
      await welcome.getByRole('link', { name: 'Fill in the business profile' }).getAttribute('href'),
    ).toBe('/options.html#profile');
    expect(await welcome.getByRole('link', { name: 'Open the demo inbox' }).getAttribute('href')).toBe(
      `${s.sandbox}/gmail/mail/u/0/#inbox`,
    );
    // The sandbox build carries its client ids: no setup to do, the accounts connect directly.
    expect(await welcome.getByTestId('setup-google').count()).toBe(0);
    await welcome.getByRole('button', { name: 'Connect Google Calendar' }).waitFor();

    // The language chosen here is the extension's.
    await welcome.getByRole('combobox', { name: 'Interface language' }).selectOption('es');
    await welcome.getByRole('heading', { name: 'Te damos la bienvenida a Ops Assistant' }).waitFor();
    await welcome.getByRole('combobox', { name: 'Idioma de la interfaz' }).selectOption('en');
    await welcome.getByRole('heading', { name: 'Welcome to Ops Assistant' }).waitFor();
    expect(s.context.pages().filter((p) => p.url() === url)).toHaveLength(1);
  });
});
