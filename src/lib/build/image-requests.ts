import type { SiteView } from '../model/audience.ts';
import type { CardInput } from '../og/card.ts';
import { cardInput, ogImagePath } from '../og/meta.ts';
import type { Links } from '../site/links.ts';
import { routes } from '../site/routes.ts';
import { timelineFile } from '../timeline/files.ts';
import { allSlides, slideFile } from '../timeline/slides.ts';

/**
 * How pages ask for their raster images while Astro renders them. `npm run build` listens
 * before Astro starts, so Open Graph cards and timeline PNGs are drawn on worker threads
 * while the pages are still being generated, not after (on a cold build of 1,000 items that
 * was most of the wall time). Outside a build (`astro dev`) nobody listens and requests are
 * dropped. Entry pages' cards are known before any page renders, from the route table.
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

/** The Open Graph cards of every entry page, from the route table (the layout asks for the same). */
export function routeCardRequests(view: SiteView, links: Links): ImageRequest[] {
  return routes(view, links).map((route) => ({
    target: ogImagePath(route.path),
    job: { kind: 'card', input: cardInput(view.site, { title: route.title, ...route.card }) },
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
