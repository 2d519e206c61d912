import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteData } from '../lib/build/site-data.ts';
import { backlogSearchRecords, searchPagePaths } from '../lib/search/entries.ts';

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
export async function writeSearchIndex(siteDir: string, data: SiteData): Promise<SearchIndexResult> {
  const pagefind = await import('pagefind');
  const paths = searchPagePaths(data.view, data.links);
  const records = backlogSearchRecords(data.view, data.links);
  try {
    const created = await pagefind.createIndex({
      forceLanguage: 'en',
      // Field labels ("Status", "Owner", "Last reviewed") are not what a page is about: left in,
      // "review" would find every page.
      excludeSelectors: ['dl.facts > dt', 'dl.meta dt'],
    });
    if (!created.index) throw new Error(`pagefind could not start: ${created.errors.join('; ')}`);
    const { index } = created;
    for (const path of paths) {
      const html = await readFile(join(siteDir, decodeURI(path), 'index.html'), 'utf8');
      const added = await index.addHTMLFile({ url: `/${path}`, content: separateBlocks(html) });
      fail(`indexing /${path}`, added.errors);
    }
    for (const record of records) {
      const { url, content, language, meta, filters } = record;
      const added = await index.addCustomRecord({ url, content, language, meta: { ...meta }, filters });
      fail(`indexing ${url}`, added.errors);
    }
    const outputPath = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    fail('writing the index', written.errors);
    // One page per visible entry and one record per visible backlog item, nothing else.
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    if (indexed !== paths.length + records.length) {
      throw new Error(
        `pagefind indexed ${indexed} pages and records; expected ${paths.length} entry pages and ${records.length} backlog items`,
      );
    }
  } finally {
    await pagefind.close();
  }
  return { pages: paths.length, records: records.length };
}

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
