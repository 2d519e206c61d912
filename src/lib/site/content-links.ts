/**
 * Links authors write inside bodies. Authors link to other pages by their site path
 * (`/roadmap/sso/`); the build serves the site under a base path (`/pr-42/` for a preview),
 * so such links are rewritten to include it. In a public build a link to an internal
 * entry's page would publish its slug and lead nowhere, so it is an error.
 */

export type LinkResult = { href: string } | { error: string };

export function rewriteContentLink(href: string, base: string, hiddenPaths: ReadonlySet<string>): LinkResult {
  if (!href.startsWith('/') || href.startsWith('//')) return { href };
  const [path = ''] = href.split(/[?#]/, 1);
  const normalized = path.replace(/^\/+/, '').replace(/\/?$/, '/');
  if (hiddenPaths.has(decodeURI(normalized).toLowerCase())) {
    return {
      error: `links to ${JSON.stringify(href)}, a page that is internal; expected no links from a public entry to an internal one`,
    };
  }
  return { href: `${base}${href.slice(1)}` };
}
