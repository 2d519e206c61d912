import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/build/site-data.ts';
import { requestImage } from '../../lib/build/image-requests.ts';
import { timelineFile } from '../../lib/timeline/files.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { view } = await siteData();
  return view.themes.map((theme) => ({ params: { theme: theme.slug }, props: { id: theme.id } }));
};

export const GET: APIRoute = async ({ props }) => {
  const { view, links } = await siteData();
  const { svg, png } = timelineFile(view, links, props.id as string);
  requestImage(png);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
};
