import type { EntryKind } from '../model/types.ts';

/** Builds every URL the site prints, so base path and absolute URLs are right everywhere. */
export interface Links {
  /** Root-relative URL under the base path: `href('roadmap/')` -> `/pr-42/roadmap/`. */
  href(path: string): string;
  /** Absolute URL when site.yaml has `url`, else the root-relative one. */
  absolute(path: string): string;
  /** Path (no base) of an entry's page. */
  entryPath(kind: EntryKind, id: string): string;
}

/** `/pr-42` or `pr-42/` or `` -> `/pr-42/` or `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const encodeId = (id: string) => id.split('/').map(encodeURIComponent).join('/');

export function makeLinks(base: string, siteUrl: string | null): Links {
  const root = normalizeBase(base);
  const href = (path: string) => `${root}${path.replace(/^\/+/, '')}`;
  return {
    href,
    absolute: (path) => (siteUrl ? `${siteUrl.replace(/\/+$/, '')}${href(path)}` : href(path)),
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
