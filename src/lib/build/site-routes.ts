import { type Route, routeOf, staticPathsOf } from '../site/routes.ts';
import { changesData } from './changes-data.ts';
import { siteData } from './site-data.ts';

/**
 * The route table (src/lib/site/routes.ts) of this build's site and changes data, for
 * Astro's modules. Every dynamic page's getStaticPaths is `staticPaths`, so the table alone
 * decides which pages exist; the layout reads its page's row with `currentRoute`.
 */

/** getStaticPaths of any dynamic page: its rows of the table. */
export async function staticPaths({ routePattern }: { routePattern: string }) {
  const { view, links } = await siteData();
  return staticPathsOf(view, links, await changesData(), routePattern);
}

/** The row of the page being rendered (`Astro.routePattern`, `Astro.params`); throws if it has none. */
export async function currentRoute(routePattern: string, params: Record<string, string | undefined>): Promise<Route> {
  const { view, links } = await siteData();
  return routeOf(view, links, await changesData(), routePattern, params);
}
