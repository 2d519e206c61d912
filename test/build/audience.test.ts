import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OUTPUT, listFiles, readSiteTexts, runBuild } from '../support/build.ts';

/**
 * The fixture's internal entries all carry the marker "zebra" (titles, bodies, file names,
 * ids, theme, team, tags, milestones, backlog ids). A public build may contain it nowhere.
 */
const CANARY = /zebra/i;
const content = join(FIXTURES, 'audience');
const publicOut = join(OUTPUT, 'audience-public');
const internalOut = join(OUTPUT, 'audience-internal');

const page = (out: string, path: string) => readFile(join(out, path), 'utf8');

beforeAll(async () => {
  await rm(publicOut, { recursive: true, force: true });
  await rm(internalOut, { recursive: true, force: true });
  const [pub, internal] = await Promise.all([
    runBuild({ content, out: publicOut, audience: 'public' }),
    runBuild({ content, out: internalOut, audience: 'internal' }),
  ]);
  expect(pub.stderr + pub.stdout).toContain('site written');
  expect(pub.code).toBe(0);
  expect(internal.code).toBe(0);
});

describe('a public build', () => {
  it('contains no trace of an internal entry in any file', async () => {
    const leaks = [...(await readSiteTexts(publicOut))]
      .filter(([, text]) => CANARY.test(text))
      .map(
        ([file, text]) => `${file}: …${text.slice(Math.max(0, text.search(CANARY) - 60), text.search(CANARY) + 40)}…`,
      );
    expect(leaks).toEqual([]);
  });

  it('names no internal entry in any file or folder name', async () => {
    expect((await listFiles(publicOut)).filter((f) => CANARY.test(f))).toEqual([]);
  });

  it('writes a page for every public entry and the fixed routes', async () => {
    const files = await listFiles(publicOut);
    for (const path of [
      'index.html',
      '404.html',
      'mission/index.html',
      'vision/index.html',
      'strategy/index.html',
      'strategy/market/index.html',
      'objectives/index.html',
      'objectives/grow/index.html',
      'objectives/child/index.html',
      'roadmap/index.html',
      'roadmap/previews/index.html',
      'roadmap/search/index.html',
      'roadmap/shipped-thing/index.html',
      'roadmap/someday/index.html',
      'backlog/index.html',
      'wiki/index.html',
      'wiki/guides/how-we-plan/index.html',
      'roadmap.json',
      'sitemap-index.xml',
    ]) {
      expect(files, path).toContain(path);
    }
  });

  it('writes roadmap.json by the spec: public items only, resolved dates, derived horizons, sorted by id', async () => {
    const json = JSON.parse(await page(publicOut, 'roadmap.json'));
    expect(json).toEqual({
      site: { title: 'Fixture Roadmap', url: 'https://fixture.example/' },
      today: '2026-11-21',
      items: [
        {
          id: 'previews',
          title: 'Pull request previews',
          summary: 'See a roadmap change before it ships.',
          theme: 'Trust',
          status: 'in-progress',
          horizon: 'now',
          start: '2026-10-01',
          end: '2027-01-15',
          objectives: ['grow'],
          dependsOn: [],
          team: 'Platform',
          confidence: 'high',
          tags: ['review'],
          url: 'https://fixture.example/roadmap/previews/',
          period: null,
          owners: ['Ana'],
          tracker: null,
        },
        {
          id: 'search',
          title: 'Full-text search',
          summary: 'Find any item in one step.',
          theme: 'Speed',
          status: 'planned',
          // FY2028 Q1 with a February fiscal year; it starts in the next fiscal quarter.
          horizon: 'next',
          start: '2027-02-01',
          end: '2027-04-30',
          objectives: [],
          dependsOn: [],
          team: null,
          confidence: null,
          tags: [],
          url: 'https://fixture.example/roadmap/search/',
          period: '2028-Q1',
          owners: [],
          tracker: null,
        },
        expect.objectContaining({ id: 'shipped-thing', horizon: null, dependsOn: ['previews'] }),
        expect.objectContaining({ id: 'someday', horizon: 'later', start: null, end: null }),
      ],
      objectives: [
        {
          id: 'child',
          title: 'Faster reviews',
          period: '2027-H1',
          start: '2026-02-01',
          end: '2026-07-31',
          progress: 0.5,
          status: 'at-risk',
          parent: 'grow',
          keyResults: [
            {
              title: 'Review time',
              start: 48,
              target: 12,
              current: 30,
              unit: 'hours',
              progress: 0.5,
              kind: 'measured',
            },
          ],
          owners: [],
        },
        {
          id: 'grow',
          title: 'Grow adoption',
          period: '2027-Q1',
          start: '2026-02-01',
          end: '2026-04-30',
          progress: 0.5,
          // The period is over and the key results fell short.
          status: 'missed',
          parent: null,
          keyResults: [
            {
              title: 'Weekly active sites',
              start: 10,
              target: 110,
              current: 60,
              unit: null,
              progress: 0.5,
              kind: 'measured',
            },
            { title: 'Churn', start: 5, target: 3, current: 4, unit: '%', progress: 0.5, kind: 'measured' },
          ],
          owners: [],
        },
      ],
    });
  });

  it('shows a public item’s internal references only as counts', async () => {
    const html = await page(publicOut, 'roadmap/previews/index.html');
    expect(html).toContain('Serves 1 internal objective');
    expect(html).toContain('1 internal item');
    expect(html).toContain('Grow adoption');
  });

  it('counts only public backlog items on a public item', async () => {
    const html = await page(publicOut, 'roadmap/previews/index.html');
    expect(html).toContain('PUB-1');
    expect(html).toContain('PUB-2');
    expect(html).toMatch(/2 items: 1 done, 1 in progress, 0 to do/);
  });

  it('lists only public pages in the sitemap', async () => {
    const sitemap = await page(publicOut, 'sitemap-0.xml');
    expect(sitemap).toContain('https://fixture.example/roadmap/previews/');
    expect(sitemap).not.toMatch(/404/);
  });

  it('has no internal banner, and noindex only on the 404 page', async () => {
    for (const file of (await listFiles(publicOut)).filter((f) => f.endsWith('.html'))) {
      const html = await page(publicOut, file);
      expect(html, file).not.toContain('internal-banner');
      if (file === '404.html') expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      else expect(html, file).not.toContain('noindex');
    }
  });

  it('ships JavaScript only for the "/" search shortcut, the search page and the roadmap list filters', async () => {
    for (const file of (await listFiles(publicOut)).filter((f) => f.endsWith('.html'))) {
      const tags = [...(await page(publicOut, file)).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(
        tags.filter((t) => t.includes('data-cairn="search-shortcut"')),
        file,
      ).toHaveLength(1);
      const others = tags.filter((t) => !t.includes('data-cairn="search-shortcut"'));
      if (file === 'roadmap/index.html') {
        expect(others).toEqual([
          expect.stringMatching(/^<script type="module" src="\/_astro\/RoadmapList\.[^"]+\.js">$/),
        ]);
      } else if (file === 'search/index.html') {
        expect(others).toEqual([
          '<script type="text/pagefind-template">',
          '<script type="module" src="/pagefind/pagefind-component-ui.js">',
          expect.stringMatching(/^<script type="module" src="\/_astro\/[^"]+\.js">$/),
        ]);
      } else {
        expect(others, file).toEqual([]);
      }
    }
  });

  it('writes a search index of the public entries and backlog items, so the scans above cover it', async () => {
    const files = await listFiles(publicOut);
    expect(files).toContain('pagefind/pagefind.js');
    expect(files).toContain('pagefind/pagefind-component-ui.js');
    expect(files.filter((f) => /^pagefind\/fragment\/.+\.pf_fragment$/.test(f)).length).toBeGreaterThan(0);
    expect(files.filter((f) => /^pagefind\/index\/.+\.pf_index$/.test(f)).length).toBeGreaterThan(0);
    expect(files.filter((f) => /^pagefind\/filter\/.+\.pf_filter$/.test(f)).length).toBeGreaterThan(0);
    const entry = JSON.parse(await page(publicOut, 'pagefind/pagefind-entry.json'));
    // 10 entry pages (mission, vision, 1 strategy, 2 objectives, 4 items, 1 wiki) and 3 backlog items.
    expect(entry.languages.en.page_count).toBe(13);
    // The scan sees the index as a browser does: decompressed, public words in, canaries out.
    const texts = await readSiteTexts(publicOut);
    const fragments = [...texts].filter(([f]) => f.startsWith('pagefind/fragment/')).map(([, t]) => t);
    expect(fragments.some((t) => t.includes('Pull request previews'))).toBe(true);
    expect(fragments.some((t) => t.includes('Preview banner'))).toBe(true);
  });

  it('rewrites site-root links in bodies to the real page URL', async () => {
    const html = await page(publicOut, 'roadmap/previews/index.html');
    expect(html).toContain('href="/roadmap/search/"');
  });
});

describe('an internal build', () => {
  it('contains the internal entries', async () => {
    const files = await listFiles(internalOut);
    expect(files).toContain('roadmap/zebra-hosting/index.html');
    expect(files).toContain('strategy/zebra-pricing/index.html');
    expect(files).toContain('wiki/zebra-den/secret/index.html');
    expect(files).toContain('objectives/zebra-revenue/index.html');
    const json = JSON.parse(await page(internalOut, 'roadmap.json'));
    expect(json.items.map((i: { id: string }) => i.id)).toContain('zebra-hosting');
    expect(await page(internalOut, 'backlog/index.html')).toContain('ZEBRA-2');
  });

  it('shows the Internal banner and noindex on every page', async () => {
    for (const file of (await listFiles(internalOut)).filter((f) => f.endsWith('.html'))) {
      const html = await page(internalOut, file);
      expect(html, file).toContain('internal-banner');
      expect(html, file).toContain('<meta name="robots" content="noindex, nofollow">');
    }
  });

  it('badges internal entries and names their references', async () => {
    const html = await page(internalOut, 'roadmap/previews/index.html');
    expect(html).toContain('Zebra revenue objective');
    expect(html).toContain('Zebra hosting migration');
    expect(await page(internalOut, 'roadmap/zebra-hosting/index.html')).toContain('badge internal');
  });

  it('writes no sitemap', () => {
    expect(existsSync(join(internalOut, 'sitemap-index.xml'))).toBe(false);
  });
});
