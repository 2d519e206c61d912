/**
 * Pages describe their Open Graph card in meta tags (og:title plus two of ours); the build
 * reads them back from the finished HTML, so every page gets a card, whoever adds the page.
 */

import type { CardInput } from './card.ts';

export const KIND_META = 'cairn:kind';
export const DETAIL_META = 'cairn:detail';
export const ACCENT_META = 'cairn:accent';

/** `roadmap/sso/` -> `og/roadmap/sso.png`; the home page is `og/index.png`. */
export function ogImagePath(pagePath: string): string {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  return `og/${trimmed || 'index'}.png`;
}

/** The page path of a built HTML file: `roadmap/sso/index.html` -> `roadmap/sso/`, `404.html` -> `404/`. */
export function pagePathOfFile(file: string): string {
  if (file === 'index.html') return '';
  if (file.endsWith('/index.html')) return file.slice(0, -'index.html'.length);
  return `${file.replace(/\.html$/, '')}/`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };
const decode = (text: string) =>
  text.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    const named = ENTITIES[name];
    if (named !== undefined) return named;
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });

/** The value of `<meta property|name="key" content="…">` in a page, or null. */
export function readMeta(html: string, key: string): string | null {
  const tag = new RegExp(
    `<meta\\s+(?:property|name)="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s+content="([^"]*)"`,
  ).exec(html);
  return tag ? decode(tag[1]!) : null;
}

const DEFAULT_ACCENT = '#1d5bd0';

/**
 * A page's card from what its meta tags say (null where a tag is absent). The page asks for
 * its card with this while it renders and the build reads the tags back afterwards: both go
 * through here, so both describe the same card and it is drawn once.
 */
export function cardInput(
  site: { title: string; url: string | null },
  page: { title: string | null; kind: string | null; detail: string | null; accent: string | null },
): CardInput {
  return {
    siteTitle: site.title,
    host: site.url ? new URL(site.url).host : '',
    title: page.title ?? site.title,
    kind: page.kind ?? 'Page',
    detail: page.detail ?? '',
    accent: page.accent ?? DEFAULT_ACCENT,
  };
}
