import type { SiteView } from '../model/audience.ts';
import type { CardInput } from '../og/card.ts';
import { cardInput, ogImagePath } from '../og/meta.ts';
import type { Links } from '../site/links.ts';
import type { Route } from '../site/routes.ts';
import { timelineFile } from '../timeline/files.ts';
import { allSlides, slideFile } from '../timeline/slides.ts';

/**
 * How the build asks for its raster images. Every page's Open Graph card is known from the
 * route table (`routeCardRequests`), and every timeline and slide PNG from the view
 * (`timelineImageRequests`), before Astro starts; the timeline pages ask for the same PNGs
 * as they render (`npm run build` listens from before Astro starts), and a file asked for
 * as two different drawings fails the build. They are drawn on worker threads while the
 * pages are still being generated, not after (on a cold build of 1,000 items that was most
 * of the wall time). Outside a build (`astro dev`) nobody listens and requests are dropped.
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

/**
 * The PNGs of the timeline files and slides, known from the view before any page renders,
 * largest first: they take most of a cold build's drawing, and the workers start on them
 * while Astro is still starting up (the timeline pages ask for the same ones).
 */
export function timelineImageRequests(view: SiteView, links: Links): ImageRequest[] {
  return [
    timelineFile(view, links).png,
    ...view.themes.map((theme) => timelineFile(view, links, theme.id).png),
    ...allSlides(view, links).map((slide) => slideFile(view, slide).png),
  ];
}
