/**
 * `npm run screenshot -- <dist-dir> <page-path> <out.png> [--dark] [--width N]`: serve a built
 * site on 127.0.0.1 and take a full-page screenshot in Debian's Chromium, to look at a page
 * the way a reader would.
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
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
