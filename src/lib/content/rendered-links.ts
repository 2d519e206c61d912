import { htmlToHast } from 'satteri';
import type { Diagnostic } from './diagnostics.ts';
import { isScriptUrl } from './bodies.ts';

/**
 * The last word on what a body publishes: the HTML a build wrote, after MDX ran (so links
 * computed in JSX are seen as written out), with every `href`/`src` resolved the way a
 * browser resolves it against the page's address. A link from a public page that reaches an
 * internal entry (its page, its row's anchor, its Open Graph card) is an error, whatever
 * spelling reaches it: relative, dot segments, doubled slashes, `index.html`, the site's
 * own absolute URL. Scripts that survived into a body are errors in every build.
 */

/** This module's own file: what a cache of its verdicts must be invalidated by. */
export const RENDERED_LINKS_MODULE = import.meta.url;

export interface HiddenTargets {
  /** Page paths, no base, lower-cased, decoded, trailing slash: `wiki/secret/`. */
  pages: ReadonlySet<string>;
  /** Fragment ids of rows of internal entries, lower-cased: `item-secret-9`. */
  anchors: ReadonlySet<string>;
}

export interface RenderedPage {
  /** Site path of the page, no base: `wiki/guide/`, `` for the home page. */
  path: string;
  html: string;
  /** The content file whose body the page renders (`content/wiki/guide.mdx`), if any. */
  file: string | null;
}

export interface RenderedCheckOptions {
  base: string;
  /** site.yaml `url`, when there is one: links to it are links into the site. */
  siteUrl: string | null;
  /** Null in an internal build: only bodies' scripts are checked then. */
  hidden: HiddenTargets | null;
}

const PLACEHOLDER = 'https://cairn.invalid';
const URL_PROPERTIES = ['href', 'src', 'poster', 'action', 'formAction', 'cite', 'data', 'xLinkHref', 'background'];

interface HNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

/**
 * What a link written on the page at `pagePath` reaches of the hidden entries, in words, or
 * null: the browser's resolution against the page's address, on this site's hosts.
 */
export function linkResolver(
  options: { base: string; siteUrl: string | null; hidden: HiddenTargets },
  pagePath: string,
): (raw: string) => string | null {
  const base = normalize(options.base);
  const site = options.siteUrl ? safeUrl(options.siteUrl) : null;
  const pageUrl = new URL(`${base}${pagePath}`, site ? site.origin : PLACEHOLDER);
  const hosts = new Set([new URL(PLACEHOLDER).host, ...(site ? [site.host] : [])]);
  const prefixes = [...new Set([base, site ? normalize(site.pathname) : '/', '/'])];
  return (raw) => reachesHidden(raw, pageUrl, hosts, prefixes, options.hidden);
}

export const reachMessage = (url: string, reached: string): string =>
  `links to ${JSON.stringify(url)}, which reaches ${reached}; expected a public page to link only to what is public`;

/** Problems in one written page. */
export function checkRenderedPage(page: RenderedPage, options: RenderedCheckOptions): Diagnostic[] {
  const { hidden } = options;
  const resolve = hidden ? linkResolver({ ...options, hidden }, page.path) : null;
  const where = page.file ?? `page /${page.path}`;
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (message: string, value: string) => {
    const key = `${message}\0${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ severity: 'error', file: where, field: 'body', value, message });
  };

  const visit = (node: HNode, inBody: boolean) => {
    if (node.type === 'element') {
      const className = node.properties?.className;
      const body = inBody || (Array.isArray(className) && className.includes('prose'));
      const props = node.properties ?? {};
      if (body && node.tagName === 'script')
        report('a <script> element reached the page; expected none in a body', '<script>');
      for (const [name, value] of Object.entries(props)) {
        if (body && /^on[a-z]/i.test(name))
          report(
            `an inline event handler ${JSON.stringify(name.toLowerCase())} reached the page; expected none in a body`,
            String(value),
          );
        for (const url of urlsOf(name, value)) {
          if (body && isScriptUrl(url)) report('a javascript: URL reached the page; expected none in a body', url);
          const reached = resolve?.(url);
          if (reached) report(reachMessage(url, reached), url);
        }
      }
    }
    const body =
      inBody ||
      (node.type === 'element' &&
        Array.isArray(node.properties?.className) &&
        node.properties.className.includes('prose'));
    for (const child of node.children ?? []) visit(child, body);
  };
  visit(htmlToHast(page.html), false);
  return problems;
}

function urlsOf(name: string, value: unknown): string[] {
  if (name === 'srcSet' && typeof value === 'string') {
    return value
      .split(',')
      .map((part) => part.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean);
  }
  if (name === 'ping') return (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String).filter(Boolean);
  if (!URL_PROPERTIES.includes(name)) return [];
  if (typeof value === 'string') return [value];
  return [];
}

/** What of an internal entry a URL reaches, in words, or null. */
export function reachesHidden(
  raw: string,
  pageUrl: URL,
  hosts: ReadonlySet<string>,
  prefixes: readonly string[],
  hidden: HiddenTargets,
): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), pageUrl);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !hosts.has(url.host)) return null;
  const fragment = decode(url.hash.slice(1)).toLowerCase();
  if (fragment && hidden.anchors.has(fragment)) return `the row of an internal entry (#${fragment})`;
  // Servers fold doubled slashes and serve a folder's index.html: so does this check.
  const path = decode(url.pathname.replace(/\/{2,}/g, '/')).toLowerCase();
  for (const prefix of prefixes) {
    if (!path.startsWith(prefix)) continue;
    const inSite = path.slice(prefix.length);
    const page = inSite.replace(/(?:^|\/)index\.html?$/, (m) => (m.startsWith('/') ? '/' : '')).replace(/\/?$/, '/');
    if (hidden.pages.has(page)) return `the page of an internal entry (/${page})`;
    const og = /^og\/(.+)\.png\/$/.exec(page);
    if (og && hidden.pages.has(`${og[1]}/`)) return `the Open Graph image of an internal entry (/og/${og[1]}.png)`;
  }
  return null;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

const normalize = (path: string) => `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
