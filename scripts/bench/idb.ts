import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundleForPage } from './page-bundle';
import { chromium } from 'playwright-core';
import { CHROME_PATH } from '../launch-chromium';
import type { Figure } from '../bench';

/** The records benchmark on Chromium's real IndexedDB: our query code bundled into a plain page. */
export async function idbFigures(): Promise<Figure[]> {
  const js = await bundleForPage('scripts/bench/idb-entry.ts');
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<script src="/bench.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return (await page.evaluate(() =>
      (globalThis as unknown as { runBench(): Promise<Figure[]> }).runBench(),
    )) as Figure[];
  } finally {
    await browser.close();
    server.close();
  }
}
