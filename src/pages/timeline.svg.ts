import type { APIRoute } from 'astro';
import { siteData } from '../lib/build/site-data.ts';
import { requestImage } from '../lib/build/image-requests.ts';
import { timelineFile } from '../lib/timeline/files.ts';

export const GET: APIRoute = async () => {
  const { view, links } = await siteData();
  const { svg, png } = timelineFile(view, links);
  requestImage(png);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
};
