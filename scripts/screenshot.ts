/**
 * `npm run screenshot -- <dist-dir> <page-path> <out.png> [--dark] [--width N]`: serve a built
 * site on 127.0.0.1 and take a full-page screenshot in Debian's Chromium, to look at a page
 * the way a reader would. On /search/ (a page with `?q=` or facets) it waits for the results
 * to be drawn first. Prints the page's height in CSS pixels.
 */
import { parseArgs } from 'node:util';
import { serveStatic } from '../test/support/serve.ts';
import { launchChromium } from '../test/support/browser.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    dark: { type: 'boolean', default: false },
    width: { type: 'string', default: '1280' },
    base: { type: 'string', default: '/' },
  },
});
const [dir = 'dist', path = '', out = 'screenshot.png'] = positionals;
const server = await serveStatic(dir, values.base);
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: 900 },
    colorScheme: values.dark ? 'dark' : 'light',
  });
  await page.goto(`${server.url}${path.replace(/^\//, '')}`);
  if (await page.locator('pagefind-results').count()) {
    // Pagefind searches after the page loads: shoot once the summary has settled on a count
    // (or says there is nothing to search for) and the first results are drawn.
    await page.waitForFunction(
      () => {
        const text = document.querySelector('pagefind-summary')?.textContent?.trim() ?? '';
        if (/searching/i.test(text) || text === '') return false;
        if (!/\d+ results?/i.test(text)) return true;
        return document.querySelectorAll('pagefind-results li').length > 0;
      },
      undefined,
      { timeout: 15_000 },
    );
  }
  await page.screenshot({ path: out, fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`wrote ${out} (${values.width} × ${height} px)`);
} finally {
  await browser.close();
  await server.close();
}
