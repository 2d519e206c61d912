import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/build/site-data.ts';
import { requestImage } from '../../lib/build/image-requests.ts';
import { SLIDE_WIDTH, type Slide, slideSet, slideSvg } from '../../lib/timeline/slides.ts';

/** `/slides/timeline-<n>.svg|png` and `/slides/<theme>-<n>.svg|png`: the timeline as 1920 × 1080 slides. */
export const getStaticPaths: GetStaticPaths = async () => {
  const { view, links } = await siteData();
  const sets = [slideSet(view, links), ...view.themes.map((t) => slideSet(view, links, { theme: t.id }))];
  return sets.flat().map((slide) => ({ params: { slide: slide.name }, props: { slide } }));
};

export const GET: APIRoute = async ({ params, props }) => {
  const { view } = await siteData();
  const svg = slideSvg(view, props.slide as Slide);
  // The PNG is drawn on a worker while Astro goes on with the pages: one band, 1920 × 1080.
  requestImage({ target: `slides/${params.slide}.png`, job: { kind: 'svg', width: SLIDE_WIDTH, bands: [svg] } });
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
};
