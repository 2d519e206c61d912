import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OUTPUT, listFiles, runBuild } from '../support/build.ts';
import { decodePng, pngSize } from '../support/png.ts';

const content = join(FIXTURES, 'audience');
const out = join(OUTPUT, 'graphics-public');
// A cache of its own, emptied first: the first build here is a cold one.
const env = { CAIRN_CACHE_DIR: join(OUTPUT, 'graphics-cache') };
let rebuildLog = '';
let firstIndex: Map<string, string>;

/** Every file of the site's search index, by path, as a hash of its bytes. */
async function searchIndexFiles(): Promise<Map<string, string>> {
  const dir = join(out, 'pagefind');
  const files = await listFiles(dir);
  return new Map(
    await Promise.all(
      files.map(
        async (f) =>
          [
            f,
            createHash('sha256')
              .update(await readFile(join(dir, f)))
              .digest('hex'),
          ] as const,
      ),
    ),
  );
}

beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(env.CAIRN_CACHE_DIR, { recursive: true, force: true });
  const first = await runBuild({ content, out, env });
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toMatch(/Open Graph images: \d+ generated, 0 reused/);
  expect(first.stdout).not.toMatch(/search index[^\n]*reused/);
  firstIndex = await searchIndexFiles();
  const second = await runBuild({ content, out, env });
  expect(second.code, second.stderr).toBe(0);
  rebuildLog = second.stdout;
});

describe('the timeline files', () => {
  it('name every dated public item and no internal one', async () => {
    const svg = await readFile(join(out, 'timeline.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const title of ['Pull request previews', 'Full-text search', 'Shipped thing']) expect(svg).toContain(title);
    expect(svg).not.toContain('Someday idea');
    expect(svg).not.toMatch(/zebra/i);
  });

  it('include a PNG at least 1600 pixels wide that decodes to a drawing', async () => {
    const png = decodePng(await readFile(join(out, 'timeline.png')));
    expect(png.width).toBeGreaterThanOrEqual(1600);
    const colours = new Set<number>();
    for (let i = 0; i < png.pixels.length; i += 4) colours.add(png.pixels.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(20);
  });

  it('include one SVG and PNG per public theme, and none for an internal-only theme', async () => {
    const files = (await listFiles(out)).filter((f) => f.startsWith('timeline/'));
    expect(files).toEqual(['timeline/speed.png', 'timeline/speed.svg', 'timeline/trust.png', 'timeline/trust.svg']);
    const trust = await readFile(join(out, 'timeline/trust.svg'), 'utf8');
    expect(trust).toContain('Pull request previews');
    expect(trust).not.toContain('Full-text search');
  });

  it('are drawn inline on /roadmap/ as an image with a title, a description and an equivalent table', async () => {
    const html = await readFile(join(out, 'roadmap/index.html'), 'utf8');
    expect(html).toMatch(
      /<svg viewBox="0 0 1200 \d+" role="img" aria-labelledby="timeline-all-title timeline-all-desc"/,
    );
    expect(html).toContain('<desc id="timeline-all-desc">3 dated roadmap items');
    // /roadmap/'s list of all items is the drawing's table there; a theme's page has its own.
    expect(html).toContain('All roadmap items');
    const theme = await readFile(join(out, 'roadmap/themes/trust/index.html'), 'utf8');
    expect(theme).toContain('Trust timeline · Fixture Roadmap as a table');
  });

  it('include 1920 × 1080 slides of the whole roadmap and of each public theme', async () => {
    const files = (await listFiles(out)).filter((f) => f.startsWith('slides/') && f.endsWith('.png'));
    expect(files).toEqual(['slides/speed-1.png', 'slides/timeline-1.png', 'slides/trust-1.png']);
    for (const f of files) expect(pngSize(await readFile(join(out, f)))).toEqual({ width: 1920, height: 1080 });
  });
});

describe('Open Graph images', () => {
  it('exist for every page as a 1200×630 PNG named by its og:image', async () => {
    const pages = (await listFiles(out)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = await readFile(join(out, page), 'utf8');
      const url = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(url, page).toMatch(/^https:\/\/fixture\.example\/og\/.+\.png$/);
      expect(html, page).toContain('<meta name="twitter:card" content="summary_large_image">');
      const file = join(out, new URL(url!).pathname);
      expect(pngSize(await readFile(file)), page).toEqual({ width: 1200, height: 630 });
    }
  });

  it('are all reused from the cache when unchanged content is built again', () => {
    expect(rebuildLog).toMatch(/Open Graph images: 0 generated, \d+ reused/);
  });
});

describe('the search index', () => {
  it('is taken whole from the cache when unchanged content is built again', async () => {
    expect(rebuildLog).toMatch(/search index of \d+ pages and \d+ backlog items, unchanged, reused/);
    expect(firstIndex.size).toBeGreaterThan(5);
    expect(await searchIndexFiles()).toEqual(firstIndex);
  });

  it('is linked into the site from the cache, which keeps nothing half-written', async () => {
    const cached = await listFiles(env.CAIRN_CACHE_DIR);
    expect(cached.filter((f) => f.includes('.partial'))).toEqual([]);
    const entry = cached.find((f) => f.startsWith('search/') && f.endsWith('/pagefind-entry.json'));
    expect(entry).toBeDefined();
    const inSite = await stat(join(out, 'pagefind', 'pagefind-entry.json'));
    expect((await stat(join(env.CAIRN_CACHE_DIR, entry!))).ino).toBe(inSite.ino);
  });
});
