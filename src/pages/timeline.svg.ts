import type { APIRoute } from 'astro';
import { siteData } from '../lib/build/site-data.ts';
import { renderTimeline } from '../lib/timeline/files.ts';

export const GET: APIRoute = async () => {
  const { view, links } = await siteData();
  const { svg } = renderTimeline(view, links, { standalone: true });
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
};
