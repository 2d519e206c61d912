import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { OUTPUT, listFiles, runBuild } from '../support/build.ts';
import { pngSize } from '../support/png.ts';
import { generateRealistic } from '../support/realistic.ts';
import { type StaticServer, serveStatic } from '../support/serve.ts';
import { plainTitle } from '../../src/lib/site/inline-title.ts';

/**
 * A realistic roadmap, 44 items over 12 themes with long titles (some with inline code), and
 * a 100-item one with a 400-item backlog, built and read the way readers and presenters do.
 */

/**
 * /roadmap/ of the 44-item set at 1280 px was 27,218 px tall on main before this change
 * (timeline, full cards, per-theme sections and the list); a third of that is the bound.
 */
const ROADMAP_HEIGHT_BEFORE = 27_218;
/** "A few screens": four 900-px screens on a laptop. */
const FEW_SCREENS = 4 * 900;

const small = { content: join(OUTPUT, 'realistic-44'), out: join(OUTPUT, 'realistic-44-site') };
const large = { content: join(OUTPUT, 'realistic-100'), out: join(OUTPUT, 'realistic-100-site') };
let browser: Browser;
const servers: StaticServer[] = [];
let roadmap: { id: string; title: string; theme: string; start: string | null }[];

beforeAll(async () => {
  await generateRealistic(small.content, 44, 12);
  await generateRealistic(large.content, 100, 12);
  for (const b of [small, large]) {
    await rm(b.out, { recursive: true, force: true });
    const result = await runBuild({ ...b, env: { CAIRN_CACHE_DIR: join(OUTPUT, 'realistic-cache') } });
    expect(result.code, result.stderr).toBe(0);
  }
  roadmap = JSON.parse(await readFile(join(small.out, 'roadmap.json'), 'utf8')).items;
  browser = await launchChromium();
  servers.push(await serveStatic(small.out, '/'), await serveStatic(large.out, '/'));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function open(server: StaticServer, path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The words drawn for each item in an SVG: its bar's `<text>` lines joined, by item id. */
function drawnTitles(svg: string): Map<string, string> {
  const titles = new Map<string, string>();
  for (const m of svg.matchAll(/<a [^>]*data-item="([^"]+)"[^>]*>(.*?)<\/a>/g)) {
    const lines = [...m[2]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]!).filter((t) => t !== '!');
    titles.set(
      m[1]!,
      lines
        .join(' ')
        .replace(/&amp;/g, '&')
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"'),
    );
  }
  return titles;
}

describe('a realistic roadmap of 44 items over 12 themes', () => {
  it('draws every dated item’s full title, without Markdown marks, in /timeline.svg', async () => {
    const drawn = drawnTitles(await readFile(join(small.out, 'timeline.svg'), 'utf8'));
    const dated = roadmap.filter((i) => i.start !== null);
    expect(dated.length).toBeGreaterThan(35);
    for (const item of dated) expect(drawn.get(item.id), item.id).toBe(plainTitle(item.title));
    expect(roadmap.some((i) => i.title.includes('`'))).toBe(true);
    expect(JSON.stringify([...drawn.values()])).not.toContain('`');
  });

  it('gives no two themes the same colour in /timeline.svg', async () => {
    const svg = await readFile(join(small.out, 'timeline.svg'), 'utf8');
    const themeOf = new Map(roadmap.map((i) => [i.id, i.theme]));
    const colours = new Map<string, string>();
    for (const m of svg.matchAll(/<a [^>]*data-item="([^"]+)"[^>]*><rect [^>]*style="fill:(#[0-9a-f]{6})/g)) {
      colours.set(themeOf.get(m[1]!)!, m[2]!);
    }
    expect(colours.size).toBe(12);
    expect(new Set(colours.values()).size).toBe(12);
  });

  it('makes 1920 × 1080 slides that together show every dated item, each with quarters, today and a legend', async () => {
    const files = (await listFiles(join(small.out, 'slides'))).filter((f) => /^timeline-\d+\.svg$/.test(f));
    expect(files.length).toBeGreaterThan(1);
    const shown = new Set<string>();
    for (const file of files) {
      const svg = await readFile(join(small.out, 'slides', file), 'utf8');
      for (const m of svg.matchAll(/data-item="([^"]+)"/g)) shown.add(m[1]!);
      expect(svg).toMatch(/\d{4} Q\d/);
      expect(svg).toContain('Today ·');
      expect(svg).toContain('In progress');
      expect(svg).toContain('Roadmap timeline');
    }
    expect([...shown].sort()).toEqual(
      roadmap
        .filter((i) => i.start !== null)
        .map((i) => i.id)
        .sort(),
    );
    for (const file of await listFiles(join(small.out, 'slides'))) {
      if (!file.endsWith('.png')) continue;
      expect(pngSize(await readFile(join(small.out, 'slides', file))), file).toEqual({ width: 1920, height: 1080 });
    }
  });

  it('links the slides from /roadmap/', async () => {
    const page = await open(servers[0]!, 'roadmap/');
    expect(await page.locator('a[href$="slides/timeline-1.png"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps /roadmap/ at 1280 px at most a third as tall as it was', async () => {
    const page = await open(servers[0]!, 'roadmap/');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(ROADMAP_HEIGHT_BEFORE / 3);
    await page.close();
  });

  it('names no item more than twice in the text of /roadmap/', async () => {
    const page = await open(servers[0]!, 'roadmap/');
    const counts = await page.evaluate(() => {
      const n = new Map<string, number>();
      for (const a of document.querySelectorAll<HTMLAnchorElement>('main a[href*="/roadmap/r-"]')) {
        if (a.closest('[aria-hidden="true"]')) continue;
        n.set(a.pathname, (n.get(a.pathname) ?? 0) + 1);
      }
      return Math.max(...n.values());
    });
    expect(counts).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('prints /roadmap/ as a landscape document without the site’s header', async () => {
    const page = await open(servers[0]!, 'roadmap/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('svg.timeline').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box).not.toBeNull();
    expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
    await page.close();
  });

  it('renders inline code in titles on pages and leaves the marks out of the page title', async () => {
    const item = roadmap.find((i) => i.title.includes('`'))!;
    const page = await open(servers[0]!, `roadmap/${item.id}/`);
    expect(await page.locator('h1 code').count()).toBeGreaterThan(0);
    expect(await page.title()).not.toContain('`');
    await page.close();
  });
});

describe('a roadmap of 100 items with a 400-item backlog', () => {
  it('keeps /backlog/ a few screens tall', async () => {
    const page = await open(servers[1]!, 'backlog/');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(FEW_SCREENS);
    expect(await page.locator('details.backlog-theme tbody tr').count()).toBe(400);
    await page.close();
  });

  it('opens the collapsed section of a backlog item linked from search', async () => {
    const page = await open(servers[1]!, 'backlog/#item-T-0042-2');
    await expect.poll(() => page.locator('#item-T-0042-2').isVisible()).toBe(true);
    await page.close();
  });
});
