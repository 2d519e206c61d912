import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { changesData } from '../../lib/build/changes-data.ts';
import { siteData } from '../../lib/build/site-data.ts';
import { feedItems } from '../../lib/history/feed.ts';

/**
 * /changes/rss.xml: the roadmap's changes as an RSS 2.0 feed, one item per change. A feed
 * needs absolute links, so it is written only when site.yaml has a `url`.
 */
export async function getStaticPaths() {
  const { view } = await siteData();
  return view.site.url ? [{ params: { feed: 'rss' } }] : [];
}

export const GET: APIRoute = async () => {
  const { view, links } = await siteData();
  const { history } = await changesData();
  const self = links.absolute('changes/rss.xml');
  const newest = history.entries[0];
  return rss({
    title: `${view.site.title}: roadmap changes`,
    description: `What changed on the ${view.site.title} roadmap, change by change.`,
    site: links.absolute('changes/'),
    items: feedItems(history.entries, links),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>en</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>` +
      // The newest change's date, not the clock's: two builds of the same history are identical.
      (newest ? `<lastBuildDate>${new Date(newest.date).toUTCString()}</lastBuildDate>` : ''),
    trailingSlash: true,
  });
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
