import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SiteData, buildSiteData } from '../../src/lib/build/site-data.ts';
import { checkRenderedSite } from '../../src/lib/build/rendered-check.ts';

/**
 * The check of every page a build wrote, and what it remembers between builds: pages found
 * clean are not parsed again while their HTML and everything the check depends on are the
 * same; anything else is checked afresh.
 */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'audience');
const page = (body: string) => `<!doctype html><html><body><main class="prose">${body}</main></body></html>`;

let data: SiteData;
beforeAll(async () => {
  data = await buildSiteData({ ROADMAP_CONTENT: FIXTURE, ROADMAP_TODAY: '2026-11-21' }, process.cwd(), new Date());
});

/** A staging folder with `pages` (site path -> HTML) and an empty cache folder beside it. */
async function site(pages: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'cairn-rendered-'));
  const dir = join(root, 'site');
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(join(dir, path), { recursive: true });
    await writeFile(join(dir, path, 'index.html'), html);
  }
  return { dir, cache: join(root, 'cache') };
}

const hiddenPage = () => [...data.hiddenPaths][0]!;

describe('the check of the pages a build wrote', () => {
  it('needs an internal entry in the fixture to link to', () => {
    expect(data.config.audience).toBe('public');
    expect(data.hiddenPaths.size).toBeGreaterThan(0);
  });

  it('finds a link to an internal page, with or without a cache', async () => {
    const { dir, cache } = await site({ 'wiki/a': page(`<a href="/${hiddenPage()}">x</a>`) });
    expect(await checkRenderedSite(dir, data)).toHaveLength(1);
    expect(await checkRenderedSite(dir, data, cache)).toHaveLength(1);
  });

  it('remembers clean pages, and checks a page again once its HTML changed', async () => {
    const { dir, cache } = await site({ 'wiki/a': page('<a href="/roadmap/">ok</a>'), 'wiki/b': page('fine') });
    expect(await checkRenderedSite(dir, data, cache)).toEqual([]);
    const remembered = readdirSync(cache).filter((f) => f.endsWith('.json'));
    expect(remembered).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(cache, remembered[0]!), 'utf8'))).toHaveLength(2);
    expect(await checkRenderedSite(dir, data, cache)).toEqual([]);

    await writeFile(join(dir, 'wiki/b/index.html'), page(`<a href="/${hiddenPage()}">leak</a>`));
    const found = await checkRenderedSite(dir, data, cache);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/reaches the page of an internal entry/);
  });

  it('never remembers a page with a problem: it is reported by every build', async () => {
    const { dir, cache } = await site({ 'wiki/a': page(`<a href="/${hiddenPage()}">x</a>`) });
    for (let build = 0; build < 3; build++) expect(await checkRenderedSite(dir, data, cache)).toHaveLength(1);
  });

  it('forgets what it remembered when what is hidden changes', async () => {
    const { dir, cache } = await site({ 'wiki/a': page('<a href="/wiki/soon-secret/">x</a>') });
    expect(await checkRenderedSite(dir, data, cache)).toEqual([]);
    // The same page, unchanged, in a build where the page it links to has become internal.
    const later: SiteData = { ...data, hiddenPaths: new Set([...data.hiddenPaths, 'wiki/soon-secret/']) };
    expect(await checkRenderedSite(dir, later, cache)).toHaveLength(1);
  });
});
