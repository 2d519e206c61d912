import type { SiteView } from '../model/audience.ts';
import { formatDate } from '../model/dates.ts';
import type { Links } from '../site/links.ts';
import type { ImageRequest } from '../build/image-requests.ts';
import { viewMemo } from '../build/build-shared.ts';
import { plural } from '../site/labels.ts';
import { timelineInput } from './from-view.ts';
import { type TimelineInput, layoutTimeline } from './layout.ts';
import { FILE_PALETTE, LEGEND_HEIGHT, escapeXml, timelineSvg } from './svg.ts';

/**
 * The timeline as 16:9 slides, `/slides/timeline-<n>.png` (and `/slides/<theme>-<n>.png`),
 * exactly 1920 × 1080: as many as it takes for every row to be readable at slide size. Each
 * slide has the title, the quarters, today and the legend; all slides of one set share one
 * time axis, so a bar is in the same place on every slide. Lanes are kept whole where they
 * fit; a lane longer than a slide goes on over the next ones, its name repeated.
 */

export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
/** Drawing units per slide pixel: the timeline is laid out 1,280 units wide, drawn 1.5×. */
const SCALE = 1.5;
/** The slide's side margins, in slide pixels, as wide as the title's: no bar runs off an edge. */
const MARGIN = 36;
const DRAW_WIDTH = (SLIDE_WIDTH - 2 * MARGIN) / SCALE;
/** Room for the slide's title and footer, in drawing units. */
const HEADER = 62;
const FOOTER = 22;
const BUDGET = SLIDE_HEIGHT / SCALE - HEADER - FOOTER - LEGEND_HEIGHT;
const LAYOUT = { width: DRAW_WIDTH, gutter: 470 };

/** The drawing height a slide has room for, in drawing units. */
export const SLIDE_ROOM = BUDGET;

/** A slide's drawing laid out on its set's time axis. */
export const layoutSlide = (input: TimelineInput, domain: Slide['domain']) =>
  layoutTimeline(input, { ...LAYOUT, domain });

export interface Slide {
  /** `timeline-1`, `trust-2`: the file is `slides/<name>.png`. */
  name: string;
  index: number;
  count: number;
  input: TimelineInput;
  /** The time axis all slides of the set share. */
  domain: { start: string; end: string };
}

// Slides are worked out once per view and theme, for every module graph of the build (the
// build script asks for their PNGs before Astro starts; Astro's pages ask again): paging a
// 1,000-item timeline lays it out many times.
const slideSets = viewMemo<SiteView, Slide[]>('slideSets');
const slideFiles = viewMemo<SiteView, { svg: string; png: ImageRequest }>('slideFiles');

/** The slides of the whole roadmap, or of one theme (`options.theme`). */
export function slideSet(view: SiteView, links: Links, options: { theme?: string } = {}): Slide[] {
  return slideSets(view, `${links.absolute('')}\0${options.theme ?? ''}`, () => pageSlides(view, links, options));
}

function pageSlides(view: SiteView, links: Links, options: { theme?: string }): Slide[] {
  const all = timelineInput(view, links, { theme: options.theme, absoluteLinks: true });
  if (all.items.length === 0) return [];
  const whole = layoutTimeline(all, LAYOUT);
  const domain = whole.domain;
  const fixed = { ...LAYOUT, domain };
  const heightOf = (ids: Set<string>) => layoutTimeline(subset(all, ids), fixed).height;
  // Rows in drawing order (lane by lane); each slide takes as many of the next rows as fit,
  // and at least one. A drawing only grows as rows are added, so the most that fit is found
  // from a guess (as many as the slide before took) by steps that double, then by halving the
  // gap: two or three layouts a slide, not one a row.
  const order = [...whole.bars].sort((a, b) => a.rowY - b.rowY).map((b) => b.id);
  const pages: Set<string>[] = [];
  for (let start = 0; start < order.length;) {
    // The first slide also carries the milestones.
    const budget = BUDGET - (pages.length === 0 ? (whole.milestoneLane?.height ?? 0) : 0);
    const rows = (count: number) => new Set(order.slice(start, start + count));
    const fits = (count: number) => count === 1 || heightOf(rows(count)) <= budget;
    const left = order.length - start;
    const guess = Math.min(Math.max(1, pages.at(-1)?.size ?? 1), left);
    /** Rows known to fit, and a count known not to (one past the rows left: all fit). */
    let fit: number;
    let over: number;
    if (fits(guess)) {
      fit = guess;
      over = left + 1;
      for (let step = 1; fit < left; step *= 2) {
        const probe = Math.min(fit + step, left);
        if (!fits(probe)) {
          over = probe;
          break;
        }
        fit = probe;
      }
    } else {
      over = guess;
      for (let step = 1; ; step *= 2) {
        const probe = Math.max(over - step, 1);
        if (fits(probe)) {
          fit = probe;
          break;
        }
        over = probe;
      }
    }
    while (over - fit > 1) {
      const middle = (fit + over) >> 1;
      if (fits(middle)) fit = middle;
      else over = middle;
    }
    pages.push(rows(fit));
    start += fit;
  }
  const prefix = options.theme ? (view.theme(options.theme)?.slug ?? 'theme') : 'timeline';
  return pages.map((ids, i) => ({
    name: `${prefix}-${i + 1}`,
    index: i + 1,
    count: pages.length,
    // Milestones go on the first slide only.
    input: { ...subset(all, ids), milestones: i === 0 ? all.milestones : [] },
    domain,
  }));

  function subset(input: TimelineInput, ids: Set<string>): TimelineInput {
    return {
      ...input,
      items: input.items.filter((it) => ids.has(it.id)),
      dependencies: input.dependencies.filter((d) => ids.has(d.from) && ids.has(d.to)),
      milestones: [],
    };
  }
}

/** One slide as a 1920 × 1080 SVG: heading, the timeline drawing scaled to fit, a footer. */
export function slideSvg(view: SiteView, slide: Slide): string {
  const layout = layoutSlide(slide.input, slide.domain);
  const subject = slide.input.themes.length === 1 ? slide.input.themes[0]!.id : 'Roadmap timeline';
  const title = `${subject} · ${view.site.title}`;
  const inner = timelineSvg(layout, {
    title,
    description: `${plural(slide.input.items.length, 'dated roadmap item')}, slide ${slide.index} of ${slide.count}.`,
    palette: FILE_PALETTE,
    idPrefix: `slide-${slide.index}`,
    standalone: true,
    inlineLinks: false,
  })
    .replace(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/, '<svg')
    .replace(
      / width="[\d.]+" height="[\d.]+"/,
      ` x="${MARGIN}" y="${HEADER * SCALE}" width="${SLIDE_WIDTH - 2 * MARGIN}" height="${(layout.height + LEGEND_HEIGHT) * SCALE}"`,
    );
  const p = FILE_PALETTE;
  const pageNote = slide.count > 1 ? `· ${slide.index} of ${slide.count}` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SLIDE_WIDTH} ${SLIDE_HEIGHT}" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" style="font-family:${p.font}">`,
    `<rect width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" style="fill:${p.background}"/>`,
    `<text x="36" y="52" style="fill:${p.text};font-size:40px;font-weight:700">${escapeXml(subject)} <tspan style="fill:${p.muted};font-weight:400">${escapeXml(pageNote)}</tspan></text>`,
    `<text x="${SLIDE_WIDTH - 36}" y="52" text-anchor="end" style="fill:${p.muted};font-size:24px">${escapeXml(`${view.site.title} · as of ${formatDate(view.today)}`)}</text>`,
    inner,
    `</svg>`,
  ].join('');
}

/** A slide's SVG and the request for its PNG (see `timelineFile` in files.ts). */
export function slideFile(view: SiteView, slide: Slide): { svg: string; png: ImageRequest } {
  return slideFiles(view, `${slide.name}\0${slide.input.items[0]?.href ?? ''}`, () => {
    const svg = slideSvg(view, slide);
    return { svg, png: { target: `slides/${slide.name}.png`, job: { kind: 'svg', width: SLIDE_WIDTH, bands: [svg] } } };
  });
}

/** Every slide of a view: the whole roadmap's, then each theme's. */
export const allSlides = (view: SiteView, links: Links): Slide[] => [
  ...slideSet(view, links),
  ...view.themes.flatMap((t) => slideSet(view, links, { theme: t.id })),
];
