import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/build/site-data.ts';
import { requestImage } from '../../lib/build/image-requests.ts';
import { type Slide, allSlides, slideFile } from '../../lib/timeline/slides.ts';

/** `/slides/timeline-<n>.svg|png` and `/slides/<theme>-<n>.svg|png`: the timeline as 1920 × 1080 slides. */
export const getStaticPaths: GetStaticPaths = async () => {
  const { view, links } = await siteData();
  return allSlides(view, links).map((slide) => ({ params: { slide: slide.name }, props: { slide } }));
};

export const GET: APIRoute = async ({ props }) => {
  const { view } = await siteData();
  const { svg, png } = slideFile(view, props.slide as Slide);
  requestImage(png);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
};
