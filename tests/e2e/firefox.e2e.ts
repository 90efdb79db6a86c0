// Firefox smoke test: the same code, built for Firefox, loads and its content script runs on a
// sandbox mail page. Driven over WebDriver BiDi (Playwright cannot drive the stock Firefox ESR).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchFirefox, type BidiFirefox } from './bidi';
import { SANDBOX_BUILD_FIREFOX } from './paths';
import { DEMO_THREAD } from '../../sandbox/seed/demo';

let firefox: BidiFirefox;

beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});

describe('Firefox', () => {
  it('installs the extension and runs the content script on the Gmail demo page', async () => {
    const installed = await firefox.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: SANDBOX_BUILD_FIREFOX },
    });
    expect(installed.extension).toBeTruthy();

    const { contexts } = await firefox.send<{ contexts: { context: string }[] }>(
      'browsingContext.getTree',
      {},
    );
    const context = contexts[0]!.context;
    await firefox.send('browsingContext.navigate', {
      context,
      url: `${inject('sandboxOrigin')}${DEMO_THREAD.gmailPath}`,
      wait: 'complete',
    });

    // The content script puts its Assist button (a custom element hosting a shadow root) into
    // the thread toolbar once it has read the thread.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      const result = await firefox.send<{ result: { type: string; value?: boolean } }>('script.evaluate', {
        expression: 'document.querySelector("ops-assist-button") !== null',
        target: { context },
        awaitPromise: false,
      });
      found = result.result.value === true;
      if (!found) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toBe(true);
  });
});
