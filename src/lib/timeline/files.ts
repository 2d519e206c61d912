import type { SiteView } from '../model/audience.ts';
import type { Links } from '../site/links.ts';
import { timelineInput } from './from-view.ts';
import { layoutTimeline } from './layout.ts';
import { type BarChange, FILE_PALETTE, LEGEND_HEIGHT, PAGE_PALETTE, timelineLinkLayer, timelineSvg } from './svg.ts';
import { formatDate } from '../model/dates.ts';
import type { ImageRequest } from '../build/image-requests.ts';
import { viewMemo } from '../build/build-shared.ts';

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
    `by theme, as of ${formatDate(view.today)}. This page lists the same items in a table.`;
  const svgOptions = {
    title,
    description,
    palette: options.standalone ? FILE_PALETTE : PAGE_PALETTE,
    idPrefix: options.idPrefix ?? 'timeline',
    standalone: options.standalone,
    inlineLinks: options.standalone,
    changes: options.changes,
  };
  const svg = timelineSvg(layout, svgOptions);
  const linkLayer = options.standalone ? '' : timelineLinkLayer(layout, options.changes);
  return {
    input,
    layout,
    svg,
    linkLayer,
    title,
    /** The standalone drawing as bands for a PNG (see `rasterBands`). */
    raster: () =>
      rasterBands(layout.width, layout.height + LEGEND_HEIGHT, (window) =>
        timelineSvg(layout, { ...svgOptions, window }),
      ),
  };
}

/** Rows of pixels drawn per band: 2,400 × 1,024 RGBA is 10 MB. */
export const BAND_ROWS = 1024;

/**
 * A drawing `width` × `height` (drawing units) as PNG bands: the PNG is `pngWidth` pixels
 * wide, and each band of at most `bandRows` pixel rows is the drawing's `draw` of just those
 * rows. Bands start on whole pixel rows, so the bands put together are the drawing drawn whole.
 */
export function rasterBands(
  width: number,
  height: number,
  draw: (window: { top: number; height: number; pixelWidth: number; pixelHeight: number }) => string,
  bandRows = BAND_ROWS,
): { width: number; bands: string[] } {
  const pixelWidth = pngWidth(width, height);
  const scale = pixelWidth / width;
  const pixelHeight = Math.max(1, Math.round(height * scale));
  const bands: string[] = [];
  for (let row = 0; row < pixelHeight; row += bandRows) {
    const rows = Math.min(bandRows, pixelHeight - row);
    bands.push(draw({ top: row / scale, height: rows / scale, pixelWidth, pixelHeight: rows }));
  }
  return { width: pixelWidth, bands };
}

/** PNG width for slides: twice the drawing's width, crisp on projectors and retina screens. */
export const PNG_WIDTH = 2400;
/** The narrowest PNG, still wider than any slide. */
export const MIN_PNG_WIDTH = 1600;
/** Most pixels one PNG may have: a timeline of thousands of rows at full width would take
 * minutes to draw and make a file of a hundred megabytes. */
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

// Drawn once per view for the build script and Astro's pages alike (see `viewMemo`).
const timelineFiles = viewMemo<SiteView, { svg: string; png: ImageRequest }>('timelineFiles');

/**
 * A timeline file as the site serves it (`timeline.svg`, `timeline/<theme>.svg`) and the PNG
 * drawn beside it. The page writes `svg`; the build asks for `png` before any page renders
 * (src/lib/build/image-requests.ts), and the page asks again: the same drawing, drawn once.
 */
export function timelineFile(view: SiteView, links: Links, themeId?: string): { svg: string; png: ImageRequest } {
  return timelineFiles(view, `${links.absolute('')}\0${themeId ?? ''}`, () => {
    const { svg, raster } = renderTimeline(view, links, { theme: themeId, standalone: true });
    const slug = themeId === undefined ? null : (view.theme(themeId)?.slug ?? themeId);
    return { svg, png: { target: slug ? `timeline/${slug}.png` : 'timeline.png', job: { kind: 'svg', ...raster() } } };
  });
}
