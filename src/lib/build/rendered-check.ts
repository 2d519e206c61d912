import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BODIES_MODULE } from '../content/bodies.ts';
import type { Diagnostic } from '../content/diagnostics.ts';
import { type HiddenTargets, RENDERED_LINKS_MODULE, checkRenderedPage } from '../content/rendered-links.ts';
import { pageEntries } from '../model/audience.ts';
import { pagePathOfFile } from '../og/meta.ts';
import type { SiteData } from './site-data.ts';

/**
 * Every HTML page a build wrote into `dir`, checked as `rendered-links.ts` describes. Runs in
 * staging, before the site replaces `dist/`: a page that would leak never ships.
 *
 * With `cacheDir`, pages found clean are remembered there by a hash of their path and HTML,
 * under a key of everything else the check depends on (what is hidden, the base, the site's
 * URL, the checking code itself): a rebuild of unchanged content reads every page again but
 * parses only those that changed. Pages with problems are never remembered.
 */
export async function checkRenderedSite(dir: string, data: SiteData, cacheDir?: string): Promise<Diagnostic[]> {
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
  const memo = cacheDir ? cleanPages(cacheDir, options) : null;
  const clean: string[] = [];
  const problems: Diagnostic[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
  for (const file of files) {
    const path = pagePathOfFile(file);
    // Synchronously: one thread-pool round trip per page added up to most of a second.
    const html = readFileSync(join(dir, file), 'utf8');
    const key = memo ? createHash('sha256').update(path).update('\0').update(html).digest('base64url') : '';
    if (memo?.known.has(key)) {
      clean.push(key);
      continue;
    }
    const entryFile = fileOfPage.get(safeDecode(path).toLowerCase()) ?? null;
    const found = checkRenderedPage({ path, html, file: entryFile }, options);
    if (found.length && entryFile)
      await addLines(
        found,
        join(data.config.contentDir, entryFile.slice(data.contentLabel.length + 1)),
        data.config.base,
      );
    if (found.length === 0) clean.push(key);
    problems.push(...found);
  }
  if (memo && problems.length === 0) memo.save(clean);
  return problems;
}

/** The pages an earlier build with the same check options found clean, and how to save this build's. */
function cleanPages(cacheDir: string, options: { base: string; siteUrl: string | null; hidden: HiddenTargets | null }) {
  const code = [RENDERED_LINKS_MODULE, BODIES_MODULE].map((url) => readFileSync(fileURLToPath(url), 'utf8'));
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        code,
        parserVersion(),
        options.base,
        options.siteUrl,
        options.hidden && [[...options.hidden.pages].sort(), [...options.hidden.anchors].sort()],
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  const file = join(cacheDir, `rendered-${fingerprint}.json`);
  let known = new Set<string>();
  try {
    known = new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  } catch {
    // No earlier build with these options, or a file that is not ours: check every page.
  }
  return {
    known,
    save(keys: string[]) {
      mkdirSync(cacheDir, { recursive: true });
      // Written aside and renamed, so a killed build leaves the old list or the new one.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(keys));
      renameSync(partial, file);
    },
  };
}

/** The HTML parser's version: another parser may read a page differently. */
function parserVersion(): string {
  try {
    // satteri exports no package.json: found from its entry point, two folders down.
    const entry = fileURLToPath(import.meta.resolve('satteri'));
    return (JSON.parse(readFileSync(join(dirname(dirname(entry)), 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
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
