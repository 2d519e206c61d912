import type { SiteView } from '../model/audience.ts';
import type { EntryKind } from '../model/types.ts';
import { type PageCard, cardMeta } from '../og/page-card.ts';
import { type SearchEntry, pageSearchEntry } from '../search/entries.ts';
import { OBJECTIVE_STATUS_LABEL } from './labels.ts';
import { plainTitle } from './inline-title.ts';
import type { Links } from './links.ts';
import { percent } from './page-data.ts';

/**
 * The table of entry pages: one row per page that shows an entry (mission, vision, strategy
 * documents, objectives, roadmap items, wiki pages), worked out once from the audience's
 * view. The pages' getStaticPaths, the layout's head, the search indexer and the image pool
 * all read it, so they cannot disagree about which pages exist or what their cards say (as
 * Starlight's utils/routing does for its docs). Overview pages (home, section indexes,
 * search, changes, 404) are not entries: they describe themselves to the layout, and are
 * neither searchable nor known before they render.
 */
export interface Route {
  /** Below the base path, with a trailing slash: `roadmap/sso/`. */
  path: string;
  /** The entry the page shows; its id is the page's parameter. */
  kind: EntryKind;
  id: string;
  title: string;
  description: string | null;
  /** What the Open Graph card shows besides the title. */
  card: PageCard;
  /** In the search index (every entry page is); `search` holds its facets and result metadata. */
  searchable: boolean;
  search: SearchEntry;
}

export function entryRoutes(view: SiteView, links: Links): Route[] {
  const route = (
    kind: EntryKind,
    id: string,
    title: string,
    description: string | null,
    search: SearchEntry,
    card?: { kind: string; detail?: string },
  ): Route => ({
    path: links.entryPath(kind, id),
    kind,
    id,
    // Page titles and cards are plain text: a title's inline Markdown marks are for HTML only.
    title: plainTitle(title),
    description,
    card: cardMeta(view, plainTitle(title), search, card ?? null),
    searchable: true,
    search,
  });
  return [
    ...(view.mission
      ? [
          route(
            'mission',
            view.mission.id,
            view.mission.title,
            view.mission.statement,
            pageSearchEntry(view, { kind: 'mission', entry: view.mission }),
          ),
        ]
      : []),
    ...(view.vision
      ? [
          route(
            'vision',
            view.vision.id,
            view.vision.title,
            view.vision.statement,
            pageSearchEntry(view, { kind: 'vision', entry: view.vision }),
          ),
        ]
      : []),
    ...view.strategy.map((doc) =>
      route('strategy', doc.id, doc.title, doc.summary, pageSearchEntry(view, { kind: 'strategy', entry: doc })),
    ),
    ...view.objectives.map((o) =>
      route(
        'objective',
        o.id,
        o.title,
        `${o.periodLabel} objective, ${percent(o.progress)} progress`,
        pageSearchEntry(view, { kind: 'objective', entry: o }),
        {
          kind: 'Objective',
          detail: `${o.periodLabel} · ${percent(o.progress)} · ${OBJECTIVE_STATUS_LABEL[o.status]}`,
        },
      ),
    ),
    ...view.roadmap.map((item) =>
      route('roadmap', item.id, item.title, item.summary, pageSearchEntry(view, { kind: 'roadmap', entry: item })),
    ),
    ...view.wiki.map((page) =>
      route('wiki', page.id, page.title, page.summary, pageSearchEntry(view, { kind: 'wiki', entry: page })),
    ),
  ];
}

const tables = new WeakMap<SiteView, { routes: Route[]; byPath: Map<string, Route> }>();

function table(view: SiteView, links: Links) {
  let t = tables.get(view);
  if (!t) {
    const routes = entryRoutes(view, links);
    t = { routes, byPath: new Map(routes.map((r) => [r.path, r])) };
    tables.set(view, t);
  }
  return t;
}

/** The entry pages of a view, computed once per view. */
export const routes = (view: SiteView, links: Links): Route[] => table(view, links).routes;

/** The entry page at `path` (below the base), if `path` is one. */
export const routeAt = (view: SiteView, links: Links, path: string): Route | undefined =>
  table(view, links).byPath.get(path);

/** getStaticPaths of the pages of one kind of entry: `[{ params: { id }, props: { id } }]`. */
export const staticPathsOf = (view: SiteView, links: Links, kind: EntryKind) =>
  routes(view, links)
    .filter((r) => r.kind === kind)
    .map((r) => ({ params: { id: r.id }, props: { id: r.id } }));
