import { type BacklogView, type ItemView, type ObjectiveView, type SiteView } from '../model/audience.ts';
import { plainTitle } from '../site/inline-title.ts';
import type { IsoDate } from '../model/dates.ts';
import { periodLabel, quartersBetween } from '../model/fiscal.ts';
import type { Resolved } from '../model/resolve.ts';
import type { EntryBase, Mission, StrategyDoc, Vision, WikiPage } from '../model/types.ts';
import type { Links } from '../site/links.ts';
import {
  BACKLOG_STATUS_LABEL,
  HORIZON_LABEL,
  KIND_LABEL,
  OBJECTIVE_STATUS_LABEL,
  STATUS_LABEL,
} from '../site/labels.ts';

/**
 * What the search index knows about each entry: the facets readers filter by and the
 * metadata results are drawn with. Worked out from the audience's view only, so the index
 * can hold nothing the pages do not. Pages render it as `data-pagefind-filter` and
 * `data-pagefind-meta` attributes; backlog items, which have no page of their own, become
 * custom records pointing at their row on /backlog/.
 */

/** The facets, in the order the search page offers them and writes them into its URL. */
export const SEARCH_FILTERS = ['kind', 'status', 'theme', 'horizon', 'team', 'period'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export interface SearchMeta {
  /** An entry page's title (pagefind boosts matches in it). */
  title?: string;
  /**
   * A backlog item's title. Not `title`, so a word in both an epic's title and its stories'
   * titles ranks the epic's page first: pagefind boosts only `title` matches fivefold.
   */
  label?: string;
  /** What kind of entry: `Roadmap item`, `Objective`, … */
  kind: string;
  summary?: string;
  status?: string;
  theme?: string;
  /** Present (`yes`) only for internal entries in the internal build, to badge the result. */
  internal?: string;
}

export interface SearchEntry {
  meta: SearchMeta;
  filters: Partial<Record<SearchFilter, string[]>>;
}

/** A search result with no page of its own (pagefind's custom record). */
export interface SearchRecord extends SearchEntry {
  /** Site path without the base path; the search page adds the base to every result. */
  url: string;
  /** The words the record is found by. */
  content: string;
  language: 'en';
}

type PageEntry =
  | { kind: 'mission'; entry: Resolved<Mission> }
  | { kind: 'vision'; entry: Resolved<Vision> }
  | { kind: 'strategy'; entry: Resolved<StrategyDoc> }
  | { kind: 'objective'; entry: ObjectiveView }
  | { kind: 'roadmap'; entry: ItemView }
  | { kind: 'wiki'; entry: Resolved<WikiPage> };

/** The facets and result metadata of an entry that has a page. */
export function pageSearchEntry(view: SiteView, page: PageEntry): SearchEntry {
  const base = (entry: EntryBase, summary: string | null | undefined): SearchEntry => ({
    meta: clean({
      // Results show the words; the marks of inline Markdown would show as typed.
      title: plainTitle(entry.title),
      kind: KIND_LABEL[entry.kind],
      summary: summary ?? undefined,
      internal: view.audience === 'internal' && entry.visibility === 'internal' ? 'yes' : undefined,
    }),
    filters: { kind: [KIND_LABEL[entry.kind]] },
  });
  switch (page.kind) {
    case 'mission':
    case 'vision':
      return base(page.entry, page.entry.statement);
    case 'strategy':
    case 'wiki':
      return base(page.entry, page.entry.summary);
    case 'objective': {
      const o = page.entry;
      const entry = base(o, `${o.periodLabel} objective`);
      const status = OBJECTIVE_STATUS_LABEL[o.status];
      return {
        meta: { ...entry.meta, status },
        filters: { ...entry.filters, status: [status], period: quarterLabels(o.periodStart, o.periodEnd, view) },
      };
    }
    case 'roadmap': {
      const item = page.entry;
      const entry = base(item, item.summary);
      const status = STATUS_LABEL[item.status];
      return {
        meta: { ...entry.meta, status, theme: item.theme },
        filters: clean({
          ...entry.filters,
          status: [status],
          theme: [item.theme],
          horizon: item.horizon ? [HORIZON_LABEL[item.horizon]] : undefined,
          team: item.team ? [item.team] : undefined,
          period: item.start && item.end ? quarterLabels(item.start, item.end, view) : undefined,
        }),
      };
    }
  }
}

/**
 * Backlog items have no page: each becomes a record that links to its row on /backlog/.
 * An item takes its (visible) epic's theme and team, the facets of ownership; not its
 * horizon or period, which describe the epic's schedule rather than the item's.
 */
export function backlogSearchRecords(view: SiteView, links: Links): SearchRecord[] {
  return [...view.backlog]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((b) => backlogRecord(view, links, b));
}

function backlogRecord(view: SiteView, links: Links, b: BacklogView): SearchRecord {
  const epic = b.epic ? view.item(b.epic) : undefined;
  const status = BACKLOG_STATUS_LABEL[b.status];
  const kind = KIND_LABEL.backlog;
  // The epic is named by its theme facet and on the row the result links to, not here: its
  // title's words would make every story of an epic a match for them.
  const summary = [
    `${capitalize(b.type)} ${b.id}`,
    b.sprint ? `sprint ${b.sprint}` : null,
    b.points !== null ? `${b.points} ${b.points === 1 ? 'point' : 'points'}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  // Owners and notes are found (a search for a person lists their items) but not shown in the result.
  const words = [b.title, summary, b.owners.join(', '), b.notes].filter(Boolean).join('. ');
  return {
    url: `/${links.entryPath('backlog', b.id)}`,
    content: `${words}.`,
    language: 'en',
    meta: clean({
      label: plainTitle(b.title),
      kind,
      summary,
      status,
      theme: epic?.theme,
      internal: view.audience === 'internal' && b.visibility === 'internal' ? 'yes' : undefined,
    }),
    filters: clean({
      kind: [kind],
      status: [status],
      theme: epic ? [epic.theme] : undefined,
      team: epic?.team ? [epic.team] : undefined,
    }),
  };
}

/** `FY27 Q3`, `FY27 Q4`: every fiscal quarter a span touches, as people name them. */
export function quarterLabels(start: IsoDate, end: IsoDate, view: SiteView): string[] {
  const fy = view.site.fiscalYearStartMonth;
  return quartersBetween(start, end, fy).map((q) => periodLabel(q, fy));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Drops undefined fields, so rendered attributes and records hold only what is known. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
