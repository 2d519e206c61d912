import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteData } from '../lib/build/site-data.ts';
import { pageFileOf } from '../lib/og/meta.ts';
import { backlogSearchRecords } from '../lib/search/entries.ts';
import type { Route } from '../lib/site/routes.ts';

export interface SearchIndexResult {
  pages: number;
  records: number;
}

/**
 * Builds the pagefind index of a site Astro has just written into `siteDir` and writes it to
 * `<siteDir>/pagefind/`. It indexes the page of every entry in the audience's view (only
 * this audience's pages exist in `siteDir` at all; on each, only the `data-pagefind-body`
 * main content), plus one record per visible backlog item, which has no page of its own.
 * Overview pages (home, section indexes), the search page and the 404 page are left out:
 * they only repeat entries' titles and summaries. Anything unexpected (pagefind errors, an
 * index that does not hold exactly those pages and records) throws, and the caller then
 * writes no site at all.
 */
export async function writeSearchIndex(
  siteDir: string,
  data: SiteData,
  /** The build's route table: its searchable rows are the pages indexed. */
  table: Route[],
  cacheDir: string | null = null,
): Promise<SearchIndexResult & { reused: boolean }> {
  const paths = table.filter((route) => route.searchable).map((route) => route.path);
  const records = backlogSearchRecords(data.view, data.links);
  const pages = await Promise.all(
    paths.map(async (path) => ({
      path,
      html: separateBlocks(await readFile(join(siteDir, pageFileOf(path)), 'utf8')),
    })),
  );
  const outputPath = join(siteDir, 'pagefind');
  const result = { pages: paths.length, records: records.length };

  // The same pages and records give the same index: a rebuild of unchanged content copies it.
  const hash = createHash('sha256').update(JSON.stringify([PAGEFIND_VERSION, INDEX_OPTIONS, records]));
  for (const page of pages) hash.update(`\0${page.path}\0${page.html}`);
  const key = hash.digest('hex');
  const cached = cacheDir ? join(cacheDir, key) : null;
  if (cached && existsSync(join(cached, 'pagefind-entry.json'))) {
    await linkTree(cached, outputPath);
    return { ...result, reused: true };
  }

  // With a cache, pagefind writes into it under a temporary name, renamed when whole, and the
  // site gets links: copying a thousand index fragments took longer than linking them.
  const written = cached ? `${cached}.${process.pid}.partial` : outputPath;
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex(INDEX_OPTIONS);
    if (!created.index) throw new Error(`pagefind could not start: ${created.errors.join('; ')}`);
    const { index } = created;
    for (const { path, html } of pages) {
      const added = await index.addHTMLFile({ url: `/${path}`, content: html });
      fail(`indexing /${path}`, added.errors);
    }
    for (const record of records) {
      const { url, content, language, meta, filters } = record;
      const added = await index.addCustomRecord({ url, content, language, meta: { ...meta }, filters });
      fail(`indexing ${url}`, added.errors);
    }
    fail('writing the index', (await index.writeFiles({ outputPath: written })).errors);
    // One page per visible entry and one record per visible backlog item, nothing else.
    const entry = JSON.parse(await readFile(join(written, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    if (indexed !== paths.length + records.length) {
      throw new Error(
        `pagefind indexed ${indexed} pages and records; expected ${paths.length} entry pages and ${records.length} backlog items`,
      );
    }
  } catch (error) {
    if (cached) await rm(written, { recursive: true, force: true });
    throw error;
  } finally {
    await pagefind.close();
  }
  if (cached) {
    // Another build of the same content may have stored its index first: then the site
    // links the index this build made and checked, and that copy leaves the cache.
    const stored = await rename(written, cached).then(
      () => true,
      () => false,
    );
    await linkTree(stored ? cached : written, outputPath);
    if (!stored) await rm(written, { recursive: true, force: true });
  }
  return { ...result, reused: false };
}

/** Hard-links every file of a folder into another (copies where links are not possible). */
async function linkTree(from: string, to: string): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const dirs = new Set(files.map((e) => join(to, relative(from, e.parentPath))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  await Promise.all(
    files.map(async (e) => {
      const source = join(e.parentPath, e.name);
      const target = join(to, relative(from, source));
      await link(source, target).catch(() => copyFile(source, target));
    }),
  );
}

const INDEX_OPTIONS = {
  forceLanguage: 'en',
  // Field labels ("Status", "Owner", "Last reviewed") are not what a page is about: left in,
  // "review" would find every page.
  excludeSelectors: ['dl.facts > dt', 'dl.meta dt'],
};

/** The installed pagefind's version, part of the cache key: another version writes another index. */
const PAGEFIND_VERSION = (() => {
  // pagefind does not export its package.json: walk up from its entry point to find it.
  let dir = dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
})();

/**
 * Pagefind separates words at the end of paragraphs, cells, list items and headings, but not
 * of definition lists or header cells: `<dt>Team</dt><dd>Platform</dd>` would be indexed as
 * one word, "TeamPlatform", and "Platform" would not find the page. A space after each such
 * closing tag keeps the words apart (it cannot be inside text, where `<` is escaped).
 */
export function separateBlocks(html: string): string {
  return html.replace(/<\/(?:dt|dd|dl|th|tr|ol|caption|figcaption|summary|blockquote|pre|table)>/gi, '$& ');
}

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

function fail(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`pagefind failed ${step}:\n${errors.join('\n')}`);
}
