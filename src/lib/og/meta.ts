/** Where a page's Open Graph card goes, and what it says. */

import type { CardInput } from './card.ts';

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

/** The built HTML file of a page path, the other way round: `roadmap/sso/` -> `roadmap/sso/index.html`. */
export function pageFileOf(path: string): string {
  if (path === '') return 'index.html';
  // Astro writes the 404 page as 404.html, where static hosts look for it.
  if (path === '404/') return '404.html';
  return `${decodeURI(path)}index.html`;
}

const DEFAULT_ACCENT = '#1d5bd0';

/** What a page's card is drawn from: its row of the route table, with defaults where it says nothing. */
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
