import type { CardInput } from '../og/card.ts';
import { cardInput, ogImagePath } from '../og/meta.ts';
import type { Route } from '../site/routes.ts';

/**
 * How the build asks for its raster images. Every page's Open Graph card is known from the
 * route table before Astro starts (`routeCardRequests`); timeline PNGs are asked for by the
 * pages that show them, as they render (`npm run build` listens from before Astro starts).
 * Either way they are drawn on worker threads while the pages are still being generated, not
 * after (on a cold build of 1,000 items that was most of the wall time). Outside a build
 * (`astro dev`) nobody listens and requests are dropped.
 */
export type ImageJob =
  /** An Open Graph card, drawn from its description. */
  | { kind: 'card'; input: CardInput }
  /**
   * An SVG drawing as a PNG `width` pixels wide, in horizontal bands drawn one after another:
   * each band is an SVG of its own rows, so a drawing of thousands of rows never needs the
   * memory of the whole image at once. One band is the whole drawing.
   */
  | { kind: 'svg'; width: number; bands: string[] };

export interface ImageRequest {
  job: ImageJob;
  /** Where the image goes, relative to the site's root: `og/roadmap/sso.png`. */
  target: string;
}

const LISTENER = Symbol.for('cairn.imageRequests');
type Shared = { [LISTENER]?: (request: ImageRequest) => void };

export function requestImage(request: ImageRequest): void {
  (globalThis as Shared)[LISTENER]?.(request);
}

/** Receives every request until the returned function is called. */
export function listenForImages(listener: (request: ImageRequest) => void): () => void {
  (globalThis as Shared)[LISTENER] = listener;
  return () => {
    delete (globalThis as Shared)[LISTENER];
  };
}

/** The Open Graph card of every page in the route table. */
export function routeCardRequests(site: { title: string; url: string | null }, table: Route[]): ImageRequest[] {
  return table.map((route) => ({
    target: ogImagePath(route.path),
    job: { kind: 'card', input: cardInput(site, { title: route.title, ...route.card }) },
  }));
}
