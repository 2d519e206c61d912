import type { APIRoute } from 'astro';
import { siteData } from '../lib/build/site-data.ts';
import { svgToPng } from '../lib/render/png.ts';
import { PNG_WIDTH, renderTimeline } from '../lib/timeline/files.ts';

export const GET: APIRoute = async () => {
  const { view, links } = await siteData();
  const { svg } = renderTimeline(view, links, { standalone: true });
  return new Response(new Uint8Array(svgToPng(svg, PNG_WIDTH)), { headers: { 'Content-Type': 'image/png' } });
};
