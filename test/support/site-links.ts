import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { listFiles } from './build.ts';

export interface BrokenLink {
  page: string;
  url: string;
  reason: string;
}

const ATTRIBUTES: [string, string][] = [
  ['a', 'href'],
  ['link', 'href'],
  ['img', 'src'],
  ['script', 'src'],
  ['source', 'src'],
  ['image', 'href'],
  ['use', 'href'],
];

/**
 * Every internal link and asset reference of a built site, resolved offline against its
 * files as a static host would serve them under `base`: `/x/` is `x/index.html`, `#id`
 * must name an element of the target page. External links are not followed.
 */
export async function findBrokenLinks(dir: string, base: string, siteUrl: string | null): Promise<BrokenLink[]> {
  const files = await listFiles(dir);
  const pages = files.filter((f) => f.endsWith('.html'));
  const idsCache = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!idsCache.has(file)) {
      const root = parse(await readFile(join(dir, file), 'utf8'));
      idsCache.set(file, new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id')!)));
    }
    return idsCache.get(file)!;
  };
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const root = parse(await readFile(join(dir, page), 'utf8'));
    const pageUrl = new URL(`http://site.invalid${base}${page.replace(/(^|\/)index\.html$/, '$1')}`);
    for (const [tag, attr] of ATTRIBUTES) {
      for (const el of root.querySelectorAll(`${tag}[${attr}]`)) {
        const raw = el.getAttribute(attr)!;
        if (/^(mailto:|tel:|data:|javascript:)/.test(raw)) continue;
        let url = new URL(raw, pageUrl);
        if (siteUrl && url.href.startsWith(siteUrl))
          url = new URL(url.href.slice(siteUrl.length), 'http://site.invalid');
        if (url.host !== 'site.invalid') continue;
        if (!url.pathname.startsWith(base)) {
          broken.push({ page, url: raw, reason: `outside the base path ${base}` });
          continue;
        }
        const rel = decodeURIComponent(url.pathname.slice(base.length));
        let file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
        if (existsSync(join(dir, file)) && statSync(join(dir, file)).isDirectory()) file = `${file}/index.html`;
        if (!existsSync(join(dir, file))) {
          broken.push({ page, url: raw, reason: 'no such file' });
          continue;
        }
        if (url.hash && file.endsWith('.html') && !(await idsOf(file)).has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push({ page, url: raw, reason: `no element with id ${url.hash}` });
        }
      }
    }
  }
  return broken;
}
