import type { APIRoute } from 'astro';
import { siteData } from '../lib/build/site-data.ts';
import { requestImage } from '../lib/build/image-requests.ts';
import { renderTimeline } from '../lib/timeline/files.ts';

export const GET: APIRoute = async () => {
  const { view, links } = await siteData();
  const { svg, raster } = renderTimeline(view, links, { standalone: true });
  // The PNG for slides is drawn on a worker while Astro goes on with the pages.
  requestImage({ target: 'timeline.png', job: { kind: 'svg', ...raster() } });
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
};
