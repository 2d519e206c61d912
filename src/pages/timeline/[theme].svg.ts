import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/build/site-data.ts';
import { requestImage } from '../../lib/build/image-requests.ts';
import { renderTimeline } from '../../lib/timeline/files.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { view } = await siteData();
  return view.themes.map((theme) => ({ params: { theme: theme.slug }, props: { id: theme.id } }));
};

export const GET: APIRoute = async ({ params, props }) => {
  const { view, links } = await siteData();
  const { svg, raster } = renderTimeline(view, links, { theme: props.id as string, standalone: true });
  // The PNG for slides is drawn on a worker while Astro goes on with the pages.
  requestImage({ target: `timeline/${params.theme}.png`, job: { kind: 'svg', ...raster() } });
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
};
