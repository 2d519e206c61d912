import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { FIXTURES, OUTPUT, PROJECT_ROOT, runBuild } from '../support/build.ts';
import { type StaticServer, serveStatic } from '../support/serve.ts';

/**
 * Search, facets, shareable filtered views and the roadmap list filters, in real headless
 * Chromium against built sites served on 127.0.0.1: the sample content at the root and under
 * a preview base path, and the audience fixture (whose internal entries all say "zebra").
 */

const SAMPLE = join(PROJECT_ROOT, 'content');
const AUDIENCE = join(FIXTURES, 'audience');
const sites = {
  sampleRoot: { content: SAMPLE, out: join(OUTPUT, 'e2e-sample-root'), base: '/', audience: 'public' },
  samplePreview: { content: SAMPLE, out: join(OUTPUT, 'e2e-sample-pr-7'), base: '/pr-7/', audience: 'public' },
  fixturePublic: { content: AUDIENCE, out: join(OUTPUT, 'e2e-audience-public'), base: '/', audience: 'public' },
  fixtureInternal: { content: AUDIENCE, out: join(OUTPUT, 'e2e-audience-internal'), base: '/', audience: 'internal' },
};
type Site = keyof typeof sites;

let browser: Browser;
const servers = new Map<Site, StaticServer>();
/** Console errors, uncaught exceptions and failed requests of the current test's pages. */
let problems: string[] = [];

beforeAll(async () => {
  const list = Object.values(sites);
  await Promise.all(list.map((s) => rm(s.out, { recursive: true, force: true })));
  // Two at a time: one Astro build per core.
  for (let i = 0; i < list.length; i += 2) {
    const results = await Promise.all(list.slice(i, i + 2).map((s) => runBuild(s)));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
  }
  browser = await launchChromium();
  for (const [name, s] of Object.entries(sites)) servers.set(name as Site, await serveStatic(s.out, s.base));
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([...servers.values()].map((s) => s.close()));
});

afterEach(() => {
  const seen = problems;
  problems = [];
  expect(seen, 'console errors, page errors or failed requests').toEqual([]);
});

async function open(
  site: Site,
  path: string,
  options: {
    javaScript?: boolean;
    /** Requests answered this much later, by URL. */
    delays?: [RegExp, number][];
    /** Requests that fail, by URL. */
    failing?: RegExp[];
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1280, height: 2400 },
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // The browser may already be closing (afterAll): a context that is gone needs no closing.
  page.on('close', () => context.close().catch(() => {}));
  for (const [pattern, ms] of options.delays ?? []) {
    await page.route(pattern, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    });
  }
  for (const pattern of options.failing ?? []) await page.route(pattern, (route) => route.abort());
  await page.goto(url(site, path));
  return page;
}

const url = (site: Site, path: string) => `${servers.get(site)!.url}${path.replace(/^\//, '')}`;
const base = (site: Site) => sites[site].base;

interface Results {
  count: number;
  summary: string;
  /** The first results, drawn (pagefind draws results as they scroll into view; the page is tall). */
  shown: { title: string; href: string; line: string }[];
}

const DRAWN = 8;

/** Waits until the search has settled and its first results are drawn, then reads them. */
async function results(page: Page, previous?: string): Promise<Results> {
  await page.waitForFunction(
    ([before, drawn]) => {
      const text = document.querySelector('pagefind-summary')?.textContent?.trim() ?? '';
      if (!/\bresults?\b/i.test(text) || /searching/i.test(text) || text === before) return false;
      const count = /^no results/i.test(text) ? 0 : Number(/(\d+) results?/i.exec(text)?.[1] ?? -1);
      return document.querySelectorAll('pagefind-results li.cairn-result').length >= Math.min(count, drawn);
    },
    [previous ?? null, DRAWN] as const,
    { timeout: 15_000 },
  );
  const summary = ((await page.locator('pagefind-summary').textContent()) ?? '').trim();
  const count = /^no results/i.test(summary) ? 0 : Number(/(\d+) results?/i.exec(summary)?.[1] ?? NaN);
  const shown = await page.locator('pagefind-results li.cairn-result').evaluateAll((items) =>
    items.map((li) => {
      const a = li.querySelector<HTMLAnchorElement>('.cairn-result-title a')!;
      return {
        title: a.textContent?.trim() ?? '',
        href: a.getAttribute('href') ?? '',
        line: [...li.querySelectorAll('.cairn-result-line > span')].map((s) => s.textContent?.trim()).join(' · '),
      };
    }),
  );
  return { count, summary, shown };
}

/** A facet's values and counts as the filter pane lists them. */
async function facet(page: Page, name: string): Promise<Record<string, number>> {
  const group = page.locator(`pagefind-filter-pane details[data-filter-name="${name}"]`);
  await group.waitFor({ state: 'attached', timeout: 15_000 });
  const pairs = await group
    .locator('label.pf-filter-checkbox:not([data-pf-hidden])')
    .evaluateAll((labels) =>
      labels.map((l) => [
        l.querySelector('input')!.value,
        Number(l.querySelector('.pf-filter-checkbox-count')?.textContent),
      ]),
    );
  return Object.fromEntries(pairs);
}

describe.each([
  { site: 'sampleRoot' as const, label: 'at the site root' },
  { site: 'samplePreview' as const, label: 'under the preview base path /pr-7/' },
])('search on the sample site $label', ({ site }) => {
  it('finds the Pagefind roadmap item first for "pagefind", linked under the base path', async () => {
    const page = await open(site, 'search/?q=pagefind');
    const { count, shown } = await results(page);
    expect(count).toBeGreaterThan(0);
    expect(shown[0]).toMatchObject({
      title: 'Full-text search with Pagefind',
      href: `${base(site)}roadmap/pagefind-search/`,
    });
    expect(shown[0]!.line).toContain('Roadmap item');
    const target = url(site, 'roadmap/pagefind-search/');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === target),
      page.locator('li.cairn-result a').first().click(),
    ]);
    expect(response.status()).toBe(200);
    await page.waitForURL(target);
    await expect(page.locator('h1').textContent()).resolves.toBe('Full-text search with Pagefind');
    await page.close();
  });

  it('narrows the results to a theme when its facet is ticked, and writes it into the URL', async () => {
    const page = await open(site, 'search/?q=timeline');
    const all = await results(page);
    expect(all.count).toBeGreaterThan(5);
    expect(await page.locator('pagefind-input input').inputValue()).toBe('timeline');
    await page.locator('pagefind-filter-pane input[name="theme"][value="Visualization"]').check();
    const narrowed = await results(page, all.summary);
    expect(narrowed.count).toBeGreaterThan(0);
    expect(narrowed.count).toBeLessThan(all.count);
    expect(narrowed.shown.length).toBe(Math.min(narrowed.count, DRAWN));
    for (const r of narrowed.shown) expect(r.line, r.title).toMatch(/· Visualization\b/);
    expect(new URL(page.url()).pathname).toBe(`${base(site)}search/`);
    expect(new URL(page.url()).search).toBe('?q=timeline&theme=Visualization');
    await page.close();
  });

  it('opens a shared filtered view with the words, the ticked facets and the same results', async () => {
    const first = await open(site, 'search/?q=timeline');
    const before = await results(first);
    await first.locator('pagefind-filter-pane input[name="theme"][value="Visualization"]').check();
    const expected = await results(first, before.summary);
    const shared = first.url();
    await first.close();

    const page = await open(site, new URL(shared).pathname.slice(base(site).length) + new URL(shared).search);
    const restored = await results(page);
    expect(restored.shown.map((r) => r.href)).toEqual(expected.shown.map((r) => r.href));
    expect(await page.locator('pagefind-input input').inputValue()).toBe('timeline');
    expect(await page.locator('pagefind-filter-pane input[name="theme"][value="Visualization"]').isChecked()).toBe(
      true,
    );
    await page.close();
  });

  it('reads a shared link whose values are written loosely, such as status=in-progress', async () => {
    const page = await open(site, 'search/?kind=roadmap-item&status=in-progress');
    const { count, shown } = await results(page);
    expect(count).toBeGreaterThan(0);
    for (const r of shown) expect(r.line).toMatch(/^Roadmap item · In progress/);
    expect(await page.locator('pagefind-filter-pane input[name="status"][value="In progress"]').isChecked()).toBe(true);
    expect(new URL(page.url()).search).toBe('?kind=Roadmap+item&status=In+progress');
    await page.close();
  });

  // The page's own script may run after pagefind has loaded its index but before its filter
  // values have arrived: it must wait for them, not read none.
  it('reads a loosely written shared link also when the page script runs mid-way through loading', async () => {
    const page = await open(site, 'search/?kind=roadmap-item&status=in-progress', {
      delays: [
        [/\/_astro\/.*\.js$/, 1000],
        [/\/pagefind\/filter\//, 2500],
      ],
    });
    const { count } = await results(page);
    expect(count).toBeGreaterThan(0);
    expect(new URL(page.url()).search).toBe('?kind=Roadmap+item&status=In+progress');
    await page.close();
  });

  it('says so when the search cannot load, and still keeps typed words in the address', async () => {
    const page = await open(site, 'search/?status=in-progress', { failing: [/\/pagefind\/pagefind\.js$/] });
    await expect
      .poll(() => page.locator('pagefind-summary').textContent(), { timeout: 15_000 })
      .toMatch(/could not load search/i);
    await page.locator('pagefind-input input').fill('sso');
    await page.waitForURL(/[?&]q=sso(&|$)/);
    await page.close();
    // The failed loads are what this test is about.
    problems = problems.filter((p) => !/pagefind|ERR_FAILED|dynamically imported module|script location/i.test(p));
  });

  it('submits the header search box to the search page, even without JavaScript', async () => {
    const page = await open(site, 'roadmap/', { javaScript: false });
    await page.locator('#site-search-q').fill('pagefind');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL(url(site, 'search/?q=pagefind'));
    await expect(page.locator('noscript').count()).resolves.toBe(1);
    await page.close();
  });

  it('focuses the header search box on "/", but not while typing in a field', async () => {
    const page = await open(site, 'roadmap/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('a/b');
    expect(await page.locator('#site-search-q').inputValue()).toBe('a/b');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=a%2Fb$/);
    await results(page);
    // On the search page, "/" goes to the page's own search box.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.closest('pagefind-input') !== null)).toBe(true);
    await page.close();
  });

  it('lists every roadmap item without JavaScript, with no filter controls', async () => {
    const page = await open(site, 'roadmap/?theme=Visualization', { javaScript: false });
    const rows = page.locator('[data-roadmap-list] tbody tr');
    const json = JSON.parse(await (await fetch(url(site, 'roadmap.json'))).text()) as { items: unknown[] };
    expect(await rows.count()).toBe(json.items.length);
    expect(await page.locator('[data-roadmap-list] tbody tr:visible').count()).toBe(json.items.length);
    expect(await page.locator('[data-list-filters]').isVisible()).toBe(false);
    await page.close();
  });

  it('filters the roadmap list by theme and status, announces the count and keeps the state in the URL', async () => {
    const page = await open(site, 'roadmap/');
    const total = await page.locator('[data-roadmap-list] tbody tr').count();
    await page.locator('[data-list-filters] select[name="theme"]').selectOption('Visualization');
    const themed = await visibleRows(page);
    expect(themed.length).toBeGreaterThan(0);
    expect(themed.length).toBeLessThan(total);
    expect(themed.every((r) => r.theme === 'Visualization')).toBe(true);
    expect(new URL(page.url()).search).toBe('?theme=Visualization');
    await page.locator('[data-list-filters] select[name="status"]').selectOption('in-progress');
    const both = await visibleRows(page);
    expect(both.every((r) => r.theme === 'Visualization' && r.status === 'in-progress')).toBe(true);
    expect(new URL(page.url()).search).toBe('?theme=Visualization&status=in-progress');
    const live = page.locator('[data-list-count]');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.textContent()).toBe(`Showing ${both.length} of ${total} items`);
    await page.locator('[data-list-filters] button[type="reset"]').click();
    await page.waitForFunction(() => location.search === '');
    expect((await visibleRows(page)).length).toBe(total);
    await page.close();
  });

  it('restores a shared roadmap list view from its URL', async () => {
    const page = await open(site, 'roadmap/?theme=visualization&status=In%20progress');
    expect(await page.locator('[data-list-filters] select[name="theme"]').inputValue()).toBe('Visualization');
    expect(await page.locator('[data-list-filters] select[name="status"]').inputValue()).toBe('in-progress');
    const rows = await visibleRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.theme === 'Visualization' && r.status === 'in-progress')).toBe(true);
    expect(new URL(page.url()).search).toBe('?theme=Visualization&status=in-progress');
    await page.close();
  });
});

async function visibleRows(page: Page): Promise<{ theme: string; status: string }[]> {
  return page
    .locator('[data-roadmap-list] tbody tr:not([hidden])')
    .evaluateAll((rows) =>
      rows.map((r) => ({ theme: (r as HTMLElement).dataset.theme!, status: (r as HTMLElement).dataset.status! })),
    );
}

describe('search on a public build of the audience fixture', () => {
  it.each([
    ['someday', '/roadmap/someday/'],
    ['previews', '/roadmap/previews/'],
    ['market', '/strategy/market/'],
    ['cadence', '/wiki/guides/how-we-plan/'],
    ['banner', '/backlog/#item-PUB-2'],
  ])('returns the entry a distinctive word belongs to first: "%s"', async (word, href) => {
    const page = await open('fixturePublic', `search/?q=${word}`);
    const { shown } = await results(page);
    expect(shown[0]?.href).toBe(href);
    await page.close();
  });

  it.each(['zebra', 'zebrabody', 'zebratag', 'ZebraTeam', 'ZebraTheme', 'ZEBRA-1'])(
    'finds nothing for "%s", a word only internal entries contain',
    async (word) => {
      const page = await open('fixturePublic', `search/?q=${encodeURIComponent(word)}`);
      const { count, shown } = await results(page);
      expect(count).toBe(0);
      expect(shown).toEqual([]);
      await page.close();
    },
  );

  it.each(['lives', 'share'])(
    'finds nothing for "%s", a word of the 404 and search pages, which are not indexed',
    async (word) => {
      const page = await open('fixturePublic', `search/?q=${word}`);
      expect((await results(page)).count).toBe(0);
      await page.close();
    },
  );

  it('offers only public themes and teams as facets, counting public entries only', async () => {
    const page = await open('fixturePublic', 'search/');
    // Pages and backlog items of public items: Trust has two items and their two stories.
    await expect.poll(() => facet(page, 'theme')).toEqual({ Speed: 2, Trust: 4 });
    expect(await facet(page, 'team')).toEqual({ Platform: 3 });
    expect(await page.locator('pagefind-results li.cairn-result').count()).toBe(0);
    await page.close();
  });

  it('lists everything in a theme from a link with only a filter', async () => {
    const page = await open('fixturePublic', 'search/?theme=Speed');
    const { count, shown } = await results(page);
    expect(count).toBe(2);
    expect(shown.map((r) => r.href).sort()).toEqual(['/roadmap/search/', '/roadmap/someday/']);
    await page.close();
  });
});

describe('search on an internal build of the audience fixture', () => {
  it('finds the internal entries, badged, so the public checks above can fail', async () => {
    const page = await open('fixtureInternal', 'search/?q=zebra');
    const { count, shown } = await results(page);
    expect(count).toBeGreaterThan(3);
    expect(shown.some((r) => r.href === '/roadmap/zebra-hosting/')).toBe(true);
    expect(await page.locator('li.cairn-result .badge.internal').count()).toBeGreaterThan(0);
    expect(Object.keys(await facet(page, 'theme'))).toContain('ZebraTheme');
    await page.close();
  });
});
