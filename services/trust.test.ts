import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { isOurContentScript, isOurPage } from './trust';

const page = (path: string) => browser.runtime.getURL(path as '/popup.html');

describe('message senders', () => {
  it('trusts our own pages, in a tab or not', () => {
    expect(isOurPage({ id: browser.runtime.id, url: page('/popup.html') })).toBe(true);
    expect(isOurPage({ id: browser.runtime.id, url: page('/dashboard.html'), tab: { id: 4 } as never })).toBe(
      true,
    );
  });

  it('refuses other extensions and web pages', () => {
    expect(isOurPage({ id: 'another-extension', url: page('/popup.html') })).toBe(false);
    expect(isOurPage({ id: browser.runtime.id, url: 'https://evil.example/' })).toBe(false);
    expect(isOurPage({ id: browser.runtime.id })).toBe(false);
  });

  it('trusts our content script only in the top frame of a mail site', () => {
    const tab = { id: 7 } as never;
    expect(
      isOurContentScript({
        id: browser.runtime.id,
        tab,
        frameId: 0,
        url: 'https://mail.google.com/mail/u/0/',
      }),
    ).toBe(true);
    expect(
      isOurContentScript({
        id: browser.runtime.id,
        tab,
        frameId: 3,
        url: 'https://mail.google.com/mail/u/0/',
      }),
    ).toBe(false);
    expect(
      isOurContentScript({
        id: browser.runtime.id,
        tab,
        frameId: 0,
        url: 'https://mail.google.com.evil.example/',
      }),
    ).toBe(false);
    expect(
      isOurContentScript({ id: browser.runtime.id, tab, frameId: 0, url: 'http://mail.google.com/' }),
    ).toBe(false);
    expect(
      isOurContentScript({ id: 'other', tab, frameId: 0, url: 'https://outlook.live.com/mail/0/' }),
    ).toBe(false);
  });
});
