import type { EntryKind } from '../model/types.ts';

/** Builds every URL the site prints, so base path and absolute URLs are right everywhere. */
export interface Links {
  /** Root-relative URL under the base path: `href('roadmap/')` -> `/pr-42/roadmap/`. */
  href(path: string): string;
  /**
   * Absolute URL when site.yaml has `url`, else the root-relative one: the origin of `url`
   * and the base path (which replaces the path of `url`, never adds to it).
   */
  absolute(path: string): string;
  /**
   * The page's canonical URL: its absolute URL, except in a preview build, where it is the
   * production URL of the same page (site.yaml's `url`, path included), not the preview's.
   */
  canonical(path: string): string;
  /** Path (no base) of an entry's page. */
  entryPath(kind: EntryKind, id: string): string;
}

/** `/pr-42` or `pr-42/` or `` -> `/pr-42/` or `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const encodeId = (id: string) => id.split('/').map(encodeURIComponent).join('/');

/** `https://acme.github.io/roadmap/` -> `https://acme.github.io`: what the base path is added to. */
export function siteOrigin(siteUrl: string): string {
  return new URL(siteUrl).origin;
}

/**
 * The base path a build uses: `ROADMAP_BASE` when set (it replaces the path of `url`: a
 * project Pages site at `https://owner.github.io/repo` built with `ROADMAP_BASE=/repo/` lives
 * at `/repo/`, not `/repo/repo/`), else the path of site.yaml's `url`, else `/`.
 */
export function siteBase(envBase: string | undefined, siteUrl: string | null): string {
  if (envBase?.trim()) return normalizeBase(envBase);
  return siteUrl ? normalizeBase(new URL(siteUrl).pathname) : '/';
}

export function makeLinks(base: string, siteUrl: string | null, options: { preview?: boolean } = {}): Links {
  const root = normalizeBase(base);
  const href = (path: string) => `${root}${path.replace(/^\/+/, '')}`;
  const origin = siteUrl ? siteOrigin(siteUrl) : null;
  const absolute = (path: string) => (origin ? `${origin}${href(path)}` : href(path));
  const productionRoot = siteUrl ? `${siteUrl.replace(/\/+$/, '')}/` : null;
  return {
    href,
    absolute,
    canonical: (path) =>
      options.preview && productionRoot ? `${productionRoot}${path.replace(/^\/+/, '')}` : absolute(path),
    entryPath(kind, id) {
      switch (kind) {
        case 'mission':
          return 'mission/';
        case 'vision':
          return 'vision/';
        case 'strategy':
          return `strategy/${encodeId(id)}/`;
        case 'objective':
          return `objectives/${encodeId(id)}/`;
        case 'roadmap':
          return `roadmap/${encodeId(id)}/`;
        case 'wiki':
          return `wiki/${encodeId(id)}/`;
        case 'backlog':
          return `backlog/#${backlogAnchor(id)}`;
      }
    },
  };
}

/** Backlog items have no page of their own; they are rows on /backlog/ with this anchor. */
export function backlogAnchor(id: string): string {
  return `item-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/**
 * Where a roadmap item's `tracker` links: a URL as written; a key (`PLAT-12`) through
 * site.yaml's `trackerUrl`, with the key put in place of `{key}` or appended; else nowhere
 * (a key alone names no server, so it is shown as text).
 */
export function trackerHref(tracker: string, trackerUrl: string | null): string | null {
  if (/^https?:\/\//i.test(tracker)) return tracker;
  if (!trackerUrl) return null;
  const key = encodeURIComponent(tracker);
  return trackerUrl.includes('{key}') ? trackerUrl.replaceAll('{key}', key) : `${trackerUrl}${key}`;
}
