import type { APIRoute } from 'astro';
import { siteData } from '../lib/build/site-data.ts';
import { roadmapJson } from '../lib/export/roadmap-json.ts';

export const GET: APIRoute = async () => {
  const { view, links } = await siteData();
  return new Response(`${JSON.stringify(roadmapJson(view, links), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
