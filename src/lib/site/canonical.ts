/**
 * The canonical URL of a page. A production page names itself; a preview (a build with a
 * compare base, served under a pull request's path) names the production page it previews,
 * so search engines that find a preview credit the real page. Null where there is no
 * absolute production URL to give (no `url` in site.yaml): a preview then names none rather
 * than itself.
 */
export function canonicalUrl(
  path: string,
  options: { siteUrl: string | null; preview: boolean; absolute: (path: string) => string },
): string | null {
  if (!options.preview) return options.absolute(path);
  if (!options.siteUrl) return null;
  return `${options.siteUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
