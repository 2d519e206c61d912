import { viewMemo } from '../build/build-shared.ts';
import type { RevisionInfo, RoadmapDiff } from '../diff/types.ts';
import { revisionName, summaryText } from '../diff/describe.ts';
import type { SiteView } from '../model/audience.ts';
import type { EntryKind } from '../model/types.ts';
import { type PageCard, cardMeta } from '../og/page-card.ts';
import { type SearchEntry, pageSearchEntry } from '../search/entries.ts';
import { TRACE_SORTS } from './backlog-compare.ts';
import { OBJECTIVE_STATUS_LABEL, plural } from './labels.ts';
import { plainTitle } from './inline-title.ts';
import type { Links } from './links.ts';
import { percent, themeGroups } from './page-data.ts';

/**
 * The table of every HTML page a build writes, worked out once from the audience's view (and
 * the build's history and preview, which the changes pages describe): its path, title,
 * description, Open Graph card and search metadata. Pages do not describe themselves. The
 * dynamic pages' getStaticPaths return their rows, so a page exists exactly when its row
 * does; the layout takes every page's head from its row and fails on a page without one; the
 * image pool asks for every card from it before Astro starts; the search indexer indexes its
 * searchable rows. None of them can disagree about which pages exist or what their cards say
 * (as Starlight's utils/routing does for its docs).
 */
export interface Route {
  /** Below the base path, with a trailing slash: `roadmap/sso/` (`''` for home, `404/` for the 404 page). */
  path: string;
  /** The file of src/pages that renders the page, as Astro names it (`Astro.routePattern`). */
  pattern: PagePattern;
  /** That file's route parameters for this page (its getStaticPaths `params`). */
  params: Record<string, string | undefined>;
  /** What a page of a dynamic route shows: an entry's or a theme's id, a sort key; else null. */
  id: string | null;
  /** Plain text: the Open Graph title and the card's; the head's `<title>` adds the site's. */
  title: string;
  description: string | null;
  /** What the Open Graph card shows besides the title. */
  card: PageCard;
  /** In the search index: the page of every entry is, overview pages are not (they only repeat entries). */
  searchable: boolean;
  /** The facets and result metadata of a searchable page's entry. */
  search: SearchEntry | null;
}

/** Every file of src/pages that writes an HTML page. */
export type PagePattern =
  | '/'
  | '/[foundation]'
  | '/strategy'
  | '/strategy/[...id]'
  | '/objectives'
  | '/objectives/[...id]'
  | '/roadmap'
  | '/roadmap/[...id]'
  | '/roadmap/themes/[slug]'
  | '/backlog'
  | '/backlog/[sort]'
  | '/wiki'
  | '/wiki/[...id]'
  | '/changes'
  | '/changes/[...preview]'
  | '/health/[...health]'
  | '/search'
  | '/404';

/** What the changes pages' rows say: how many changes the history shows, and the preview's change. */
export interface RouteChanges {
  history: { entries: readonly unknown[] };
  preview: { base: RevisionInfo; diff: RoadmapDiff } | null;
}

/** The rows of every page of a view, in the order of the site's navigation. */
function siteRoutes(view: SiteView, links: Links, changes: RouteChanges): Route[] {
  const page = (
    pattern: PagePattern,
    path: string,
    title: string,
    description: string | null,
    card?: { kind: string; detail?: string; accent?: string },
    dynamic?: { params: Record<string, string | undefined>; id?: string },
  ): Route => ({
    path,
    pattern,
    params: dynamic?.params ?? {},
    id: dynamic?.id ?? null,
    title,
    description,
    card: cardMeta(view, title, null, card ?? null),
    searchable: false,
    search: null,
  });
  const entry = (
    pattern: PagePattern,
    kind: EntryKind,
    id: string,
    title: string,
    description: string | null,
    search: SearchEntry,
    card?: { kind: string; detail?: string },
  ): Route => ({
    path: links.entryPath(kind, id),
    pattern,
    // The foundations share one file, named by their kind; every other entry by its id.
    params: pattern === '/[foundation]' ? { foundation: kind } : { id },
    id,
    // Page titles and cards are plain text: a title's inline Markdown marks are for HTML only.
    title: plainTitle(title),
    description,
    card: cardMeta(view, plainTitle(title), search, card ?? null),
    searchable: true,
    search,
  });
  const counts = `${plural(view.roadmap.length, 'item')} across ${plural(view.themes.length, 'theme')}`;
  const { preview } = changes;
  return [
    // Home's title is the site's: its `<title>` and card say nothing else.
    page('/', '', view.site.title, null, {
      kind: 'Roadmap',
      detail: `${plural(view.roadmap.length, 'item')} · ${plural(view.objectives.length, 'objective')}`,
    }),
    ...(view.mission
      ? [
          entry(
            '/[foundation]',
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
          entry(
            '/[foundation]',
            'vision',
            view.vision.id,
            view.vision.title,
            view.vision.statement,
            pageSearchEntry(view, { kind: 'vision', entry: view.vision }),
          ),
        ]
      : []),
    page('/strategy', 'strategy/', 'Strategy', 'How we get from the vision to the roadmap.'),
    ...view.strategy.map((doc) =>
      entry(
        '/strategy/[...id]',
        'strategy',
        doc.id,
        doc.title,
        doc.summary,
        pageSearchEntry(view, { kind: 'strategy', entry: doc }),
      ),
    ),
    page('/objectives', 'objectives/', 'Objectives', 'Objectives and key results, with measured progress.'),
    ...view.objectives.map((o) =>
      entry(
        '/objectives/[...id]',
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
    page('/roadmap', 'roadmap/', 'Roadmap', `${counts}.`, { kind: 'Roadmap', detail: counts }),
    ...view.roadmap.map((item) =>
      entry(
        '/roadmap/[...id]',
        'roadmap',
        item.id,
        item.title,
        item.summary,
        pageSearchEntry(view, { kind: 'roadmap', entry: item }),
      ),
    ),
    ...themeGroups(view).map(({ theme, items }) =>
      page(
        '/roadmap/themes/[slug]',
        `roadmap/themes/${theme.slug}/`,
        `${theme.id} · Roadmap`,
        theme.description ?? `${plural(items.length, 'roadmap item')} in ${theme.id}.`,
        { kind: 'Roadmap theme', detail: plural(items.length, 'item'), accent: theme.color },
        { params: { slug: theme.slug }, id: theme.id },
      ),
    ),
    page(
      '/backlog',
      'backlog/',
      'Backlog',
      'The roadmap beside the backlog: comparison, traceability, gaps and drift.',
    ),
    ...TRACE_SORTS.map((sort) =>
      page(
        '/backlog/[sort]',
        sort.path,
        `Traceability by ${sort.column.toLowerCase()}`,
        `Roadmap items and their backlog, sorted ${sort.description}.`,
        undefined,
        { params: { sort: `by-${sort.key}` }, id: sort.key },
      ),
    ),
    page('/wiki', 'wiki/', 'Wiki', 'Free-form pages of the strategy wiki.'),
    ...view.wiki.map((w) =>
      entry('/wiki/[...id]', 'wiki', w.id, w.title, w.summary, pageSearchEntry(view, { kind: 'wiki', entry: w })),
    ),
    page('/changes', 'changes/', 'Changes', 'How the roadmap changed, from its history in git.', {
      kind: 'Changes',
      detail: plural(changes.history.entries.length, 'change'),
    }),
    // Only a preview build (ROADMAP_COMPARE_BASE) says what its change does.
    ...(preview
      ? [
          page(
            '/changes/[...preview]',
            'changes/preview/',
            'What this change does',
            `Against ${revisionName(preview.base)}: ${summaryText(preview.diff)}.`,
            { kind: 'Preview', detail: summaryText(preview.diff) },
            { params: { preview: 'preview' } },
          ),
        ]
      : []),
    // For the people who keep the roadmap true: the internal build only.
    ...(view.audience === 'internal'
      ? [
          page(
            '/health/[...health]',
            'health/',
            'Health',
            'Stale entries, drift flags and alignment gaps.',
            undefined,
            {
              params: { health: undefined },
            },
          ),
        ]
      : []),
    page(
      '/search',
      'search/',
      'Search',
      'Search every objective, roadmap item, backlog item and wiki page, and filter by kind, status, theme, horizon, team and period.',
    ),
    page('/404', '404/', 'Page not found', null),
  ];
}

interface Table {
  routes: Route[];
  byPage: Map<string, Route>;
}

/**
 * One table per view and changes, shared by the build script (which asks for every card) and
 * Astro's pages: a build has one of each; the dev server, one per content change.
 */
const tables = viewMemo<SiteView, Table>('routeTables');

function table(view: SiteView, links: Links, changes: RouteChanges): Table {
  return tables(view, changes, () => {
    const routes = siteRoutes(view, links, changes);
    return { routes, byPage: new Map(routes.map((r) => [pageKey(r.pattern, r.params), r])) };
  });
}

/** `/roadmap/[...id]` with `{ id: 'sso' }` -> `/roadmap/[...id] id=sso`; a parameter left undefined is left out. */
function pageKey(pattern: string, params: Record<string, string | undefined>): string {
  const set = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  return [pattern, ...set].join(' ');
}

/** Every HTML page of a view, computed once per view and changes. */
export const routes = (view: SiteView, links: Links, changes: RouteChanges): Route[] =>
  table(view, links, changes).routes;

/**
 * The row of the page Astro renders from `pattern` (its `Astro.routePattern`) with `params`.
 * A page the table does not list is a mistake in Cairn, not in the content: it stops the build
 * rather than getting a made-up head.
 */
export function routeOf(
  view: SiteView,
  links: Links,
  changes: RouteChanges,
  pattern: string,
  params: Record<string, string | undefined>,
): Route {
  const route = table(view, links, changes).byPage.get(pageKey(pattern, params));
  if (!route) {
    const shown = Object.keys(params).length ? ` with ${JSON.stringify(params)}` : '';
    throw new Error(
      `The page ${pattern}${shown} has no row in the route table (src/lib/site/routes.ts): ` +
        'every page Cairn writes needs one there, with its title, description and card',
    );
  }
  return route;
}

/** getStaticPaths of the dynamic page `pattern`: one path per row, its `id` in props. */
export const staticPathsOf = (view: SiteView, links: Links, changes: RouteChanges, pattern: string) =>
  routes(view, links, changes)
    .filter((r) => r.pattern === pattern)
    .map((r) => ({ params: r.params, props: { id: r.id } }));
