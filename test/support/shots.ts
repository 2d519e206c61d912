/**
 * `npm exec -- node test/support/shots.ts <dist> <page path> <out-prefix> [--dark] [--width N]`:
 * a built page in parts of at most 2,400 px (`<out-prefix>-0.png`, `-1`, ...), readable when
 * looked at one by one, and its full height.
 */
import { parseArgs } from 'node:util';
import { serveStatic } from './serve.ts';
import { launchChromium } from './browser.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { dark: { type: 'boolean', default: false }, width: { type: 'string', default: '1280' } },
});
const [dir = 'dist', path = '', prefix = 'shot'] = positionals;
const server = await serveStatic(dir, '/');
const browser = await launchChromium();
try {
  const width = Number(values.width);
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: values.dark ? 'dark' : 'light' });
  await page.goto(`${server.url}${path.replace(/^\//, '')}`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const part = 2400;
  for (let y = 0, i = 0; y < height && i < 6; y += part, i++) {
    await page.screenshot({
      path: `${prefix}-${i}.png`,
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(part, height - y) },
    });
  }
  console.log(`${path}: ${width} × ${height} px`);
} finally {
  await browser.close();
  await server.close();
}
