import type { SiteView } from '../model/audience.ts';
import type { Links } from '../site/links.ts';
import { timelineInput } from './from-view.ts';
import { layoutTimeline } from './layout.ts';
import { type BarChange, FILE_PALETTE, PAGE_PALETTE, timelineLinkLayer, timelineSvg } from './svg.ts';
import { formatDate } from '../model/dates.ts';

/** The whole-roadmap or one theme's timeline, as the page shows it or as a standalone file. */
export function renderTimeline(
  view: SiteView,
  links: Links,
  options: { theme?: string; standalone: boolean; idPrefix?: string; changes?: ReadonlyMap<string, BarChange> },
) {
  const input = timelineInput(view, links, { theme: options.theme, absoluteLinks: options.standalone });
  const layout = layoutTimeline(input);
  const subject = options.theme ? `${options.theme} timeline` : 'Roadmap timeline';
  const title = `${subject} · ${view.site.title}`;
  const description =
    `${input.items.length} dated roadmap item${input.items.length === 1 ? '' : 's'} from ${formatDate(layout.domain.start)} to ${formatDate(layout.domain.end)}, ` +
    `by theme, as of ${formatDate(view.today)}. The table that follows the drawing lists the same items.`;
  const svg = timelineSvg(layout, {
    title,
    description,
    palette: options.standalone ? FILE_PALETTE : PAGE_PALETTE,
    idPrefix: options.idPrefix ?? 'timeline',
    standalone: options.standalone,
    inlineLinks: options.standalone,
    changes: options.changes,
  });
  const linkLayer = options.standalone ? '' : timelineLinkLayer(layout, options.changes);
  return { input, layout, svg, linkLayer, title };
}

/** PNG width for slides: twice the drawing's width, crisp on projectors and retina screens. */
export const PNG_WIDTH = 2400;
/** The narrowest PNG, still wider than any slide. */
export const MIN_PNG_WIDTH = 1600;
/** Most pixels one PNG may have (4 bytes each while drawn): a timeline of thousands of rows
 * would otherwise need gigabytes of memory to draw at full width. */
export const MAX_PNG_PIXELS = 40_000_000;

/**
 * How wide to draw a timeline of `width` × `height` drawing units as a PNG: full width, or
 * narrower for a very tall drawing so it stays within MAX_PNG_PIXELS, but never below
 * MIN_PNG_WIDTH.
 */
export function pngWidth(width: number, height: number): number {
  const fits = Math.floor(Math.sqrt((MAX_PNG_PIXELS * width) / height));
  return Math.max(MIN_PNG_WIDTH, Math.min(PNG_WIDTH, fits));
}
