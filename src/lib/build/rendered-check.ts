import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../content/diagnostics.ts';
import { checkRenderedPage } from '../content/rendered-links.ts';
import { pageEntries } from '../model/audience.ts';
import { pagePathOfFile } from '../og/meta.ts';
import type { SiteData } from './site-data.ts';

/**
 * Every HTML page a build wrote into `dir`, checked as `rendered-links.ts` describes. Runs in
 * staging, before the site replaces `dist/`: a page that would leak never ships.
 */
export async function checkRenderedSite(dir: string, data: SiteData): Promise<Diagnostic[]> {
  const fileOfPage = new Map(
    pageEntries(data.view).map((e) => [
      safeDecode(data.links.entryPath(e.kind, e.id)).toLowerCase(),
      `${data.contentLabel}/${e.file}`,
    ]),
  );
  const options = {
    base: data.config.base,
    siteUrl: data.view.site.url,
    hidden: data.config.audience === 'public' ? { pages: data.hiddenPaths, anchors: data.hiddenAnchors } : null,
  };
  const problems: Diagnostic[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
  for (const file of files) {
    const path = pagePathOfFile(file);
    const html = await readFile(join(dir, file), 'utf8');
    const entryFile = fileOfPage.get(safeDecode(path).toLowerCase()) ?? null;
    const found = checkRenderedPage({ path, html, file: entryFile }, options);
    if (found.length && entryFile)
      await addLines(
        found,
        join(data.config.contentDir, entryFile.slice(data.contentLabel.length + 1)),
        data.config.base,
      );
    problems.push(...found);
  }
  return problems;
}

// A link as written stands between delimiters: (…) in Markdown, quotes or braces in HTML/JSX.
const BEFORE = String.raw`(?:^|[\s("'<=[{])`;
const AFTER = String.raw`(?:$|[\s)"'>\]}])`;

/** The line of the body that writes each link, where the link appears there as written. */
async function addLines(found: Diagnostic[], path: string, base: string): Promise<void> {
  let lines: string[];
  try {
    lines = (await readFile(path, 'utf8')).split('\n');
  } catch {
    return;
  }
  for (const d of found) {
    if (typeof d.value !== 'string') continue;
    const written = [d.value, base !== '/' && d.value.startsWith(base) ? `/${d.value.slice(base.length)}` : null]
      .filter((w): w is string => w !== null)
      .map((w) => new RegExp(BEFORE + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + AFTER));
    const index = lines.findIndex((line) => written.some((w) => w.test(line)));
    if (index >= 0) d.line = index + 1;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
