import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface RssItem {
  title?: string;
  link?: string;
  description?: string;
  guid?: string;
  pubDate?: string;
}

export interface RssFeed {
  title: string;
  link: string;
  description: string;
  items: RssItem[];
}

const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UT|[+-]\d{4})$/;

/**
 * Checks a feed against RSS 2.0 (https://www.rssboard.org/rss-specification) with a real XML
 * parser: well-formed XML, <rss version="2.0"> with one <channel> that has a title, link and
 * description; items with a title or description, absolute links, RFC 822 dates and unique
 * guids. Returns the problems found (none for a valid feed) and the parsed feed.
 */
export function checkRss(xml: string): { problems: string[]; feed: RssFeed | null } {
  const problems: string[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    return { problems: [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`], feed: null };
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => name === 'item' || name === 'channel',
  }).parse(xml);
  const rss = doc.rss;
  if (!rss) return { problems: ['the root element is not <rss>'], feed: null };
  if (rss['@version'] !== '2.0') problems.push(`<rss version> is ${JSON.stringify(rss['@version'])}; expected "2.0"`);
  const channels = rss.channel ?? [];
  if (channels.length !== 1)
    return { problems: [...problems, `${channels.length} <channel> elements; expected one`], feed: null };
  const channel = channels[0];
  for (const field of ['title', 'link', 'description']) {
    if (typeof channel[field] !== 'string' || channel[field] === '') problems.push(`<channel> has no <${field}>`);
  }
  const absolute = (url: unknown) => typeof url === 'string' && /^https?:\/\/[^\s/]+/.test(url);
  if (!absolute(channel.link)) problems.push(`<channel><link> ${JSON.stringify(channel.link)} is not an absolute URL`);
  for (const date of [channel.pubDate, channel.lastBuildDate]) {
    if (date !== undefined && !RFC822.test(date)) problems.push(`channel date ${JSON.stringify(date)} is not RFC 822`);
  }
  const items: RssItem[] = [];
  const guids = new Set<string>();
  for (const [index, raw] of (channel.item ?? []).entries()) {
    const guid = typeof raw.guid === 'object' ? raw.guid['#text'] : raw.guid;
    const item: RssItem = {
      title: raw.title,
      link: raw.link,
      description: raw.description,
      guid,
      pubDate: raw.pubDate,
    };
    const where = `item ${index + 1}`;
    if (!item.title && !item.description) problems.push(`${where} has neither <title> nor <description>`);
    if (item.link !== undefined && !absolute(item.link))
      problems.push(`${where}: <link> ${JSON.stringify(item.link)} is not absolute`);
    if (item.pubDate !== undefined && !(RFC822.test(item.pubDate) && !Number.isNaN(Date.parse(item.pubDate)))) {
      problems.push(`${where}: <pubDate> ${JSON.stringify(item.pubDate)} is not an RFC 822 date`);
    }
    if (guid === undefined) problems.push(`${where} has no <guid>`);
    else if (guids.has(guid)) problems.push(`${where}: duplicate <guid> ${guid}`);
    else guids.add(guid);
    items.push(item);
  }
  return { problems, feed: { title: channel.title, link: channel.link, description: channel.description, items } };
}
