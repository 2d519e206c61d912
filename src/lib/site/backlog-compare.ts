import type { BacklogView, ItemView, SiteView, ThemeView } from '../model/audience.ts';
import { formatDate } from '../model/dates.ts';
import { type DriftFlag, driftByItem } from '../model/drift.ts';
import { periodLabel, quartersBetween } from '../model/fiscal.ts';
import { BACKLOG_TYPES, ROADMAP_STATUSES, type BacklogType } from '../model/types.ts';
import { type BacklogSummary, backlogSummary, naturalCompare } from './page-data.ts';
import { plural } from './labels.ts';

/**
 * What /backlog/ compares: the roadmap (strategic) beside the backlog (tactical), and every
 * roadmap item beside the backlog work behind it. Every number comes from the view, so a
 * public build counts public entries only.
 */

const TYPE_PLURAL: Record<BacklogType, [string, string]> = {
  story: ['story', 'stories'],
  defect: ['defect', 'defects'],
  task: ['task', 'tasks'],
  spike: ['spike', 'spikes'],
};

/** `3 stories, 1 defect`, types in their usual order, zero counts left out; `no items` when empty. */
export function typeCounts(summary: Pick<BacklogSummary, 'byType' | 'total'>): string {
  if (summary.total === 0) return 'no items';
  return BACKLOG_TYPES.filter((t) => summary.byType[t] > 0)
    .map((t) => plural(summary.byType[t], TYPE_PLURAL[t][0], TYPE_PLURAL[t][1]))
    .join(', ');
}

/** `2 done, 1 in progress, 3 to do, 1 won't do`, zero counts left out. */
export function statusCounts(summary: Pick<BacklogSummary, 'byStatus'>): string {
  const parts: [number, string][] = [
    [summary.byStatus.done, 'done'],
    [summary.byStatus['in-progress'], 'in progress'],
    [summary.byStatus.todo, 'to do'],
    [summary.byStatus['wont-do'], "won't do"],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n} ${label}`)
    .join(', ');
}

/** `2026-S20 – 2026-S24` for several sprints (naturally sorted already), the one sprint, or `—`. */
export function sprintSpan(sprints: string[]): string {
  if (sprints.length === 0) return '—';
  if (sprints.length === 1) return sprints[0]!;
  return `${sprints[0]} – ${sprints[sprints.length - 1]}`;
}

// --- The comparison table ---------------------------------------------------------------

export interface ComparisonRow {
  aspect: 'content' | 'audience' | 'intent' | 'time';
  label: string;
  /** Lines of the roadmap cell: the first is the fact, the rest explain it. */
  roadmap: string[];
  backlog: string[];
}

/** Sprints of the visible backlog, naturally sorted: `2026-S9` before `2026-S10`. */
export function backlogSprints(backlog: BacklogView[]): string[] {
  return [...new Set(backlog.map((b) => b.sprint).filter((s): s is string => s !== null))].sort(naturalCompare);
}

/** The fiscal quarters from the earliest start to the latest end of the dated items. */
export function roadmapSpan(view: SiteView): { start: string; end: string; quarters: string[] } | null {
  const dated = view.roadmap.filter((i) => i.start && i.end);
  if (dated.length === 0) return null;
  const start = dated.map((i) => i.start!).sort()[0]!;
  const end = dated
    .map((i) => i.end!)
    .sort()
    .at(-1)!;
  const fy = view.site.fiscalYearStartMonth;
  return { start, end, quarters: quartersBetween(start, end, fy).map((q) => periodLabel(q, fy)) };
}

function visibilityLine(view: SiteView, entries: { visibility: string }[], noun: string, nouns: string): string {
  if (view.audience === 'public') {
    return `This public site shows ${plural(entries.length, noun, nouns)}, to anyone.`;
  }
  const pub = entries.filter((e) => e.visibility === 'public').length;
  return `This internal build shows all ${plural(entries.length, noun, nouns)}: ${pub} public, ${entries.length - pub} internal only.`;
}

const OPEN_ROADMAP = (i: ItemView) => i.status !== 'shipped' && i.status !== 'cancelled';

/** How far ahead the roadmap looks, from its open dated items: `Looks 10 months ahead: …`. */
export function roadmapReach(view: SiteView): string {
  const ends = view.roadmap
    .filter((i) => OPEN_ROADMAP(i) && i.end && i.end >= view.today)
    .map((i) => i.end!)
    .sort();
  const last = ends.at(-1);
  if (!last) return 'No open item is dated beyond today.';
  const months = Math.max(
    0,
    (Number(last.slice(0, 4)) - Number(view.today.slice(0, 4))) * 12 +
      Number(last.slice(5, 7)) -
      Number(view.today.slice(5, 7)),
  );
  const reach = months === 0 ? 'Looks to the end of this month' : `Looks ${plural(months, 'month')} ahead`;
  return `${reach}: open items run to ${formatDate(last)}.`;
}

/** How far ahead the backlog plans, from the sprints of its open work, or that it names none. */
export function backlogReach(backlog: BacklogView[]): string[] {
  const open = backlog.filter((b) => b.status === 'todo' || b.status === 'in-progress');
  if (open.length === 0) return ['No open work.'];
  const sprints = backlogSprints(open);
  const unplanned = open.filter((b) => b.sprint === null).length;
  if (sprints.length === 0) return [`No sprints: none of the ${plural(open.length, 'open item')} is planned into one.`];
  return [
    `Open work is planned into ${plural(sprints.length, 'sprint')} (${sprintSpan(sprints)}).`,
    ...(unplanned > 0 ? [`${plural(unplanned, 'open item')} in no sprint.`] : []),
  ];
}

export function comparisonRows(view: SiteView): ComparisonRow[] {
  const summary = backlogSummary(view.backlog);
  const themes = new Set(view.roadmap.map((i) => i.theme)).size;
  const span = roadmapSpan(view);
  const undated = view.roadmap.filter((i) => !i.start || !i.end).length;
  const sprints = backlogSprints(view.backlog);
  const unsprinted = view.backlog.filter((b) => b.sprint === null).length;

  return [
    {
      aspect: 'content',
      label: 'Content',
      roadmap: [`${plural(themes, 'theme')}, ${plural(view.roadmap.length, 'roadmap item')} (epics)`],
      backlog: [
        summary.total === 0 ? 'No backlog items' : typeCounts(summary),
        ...(summary.total > 0 ? [`${statusCounts(summary)}`] : []),
      ],
    },
    {
      aspect: 'audience',
      label: 'Audience',
      roadmap: [
        'Executives, customers and the whole company.',
        visibilityLine(view, view.roadmap, 'roadmap item', 'roadmap items'),
      ],
      backlog: ['The team doing the work.', visibilityLine(view, view.backlog, 'backlog item', 'backlog items')],
    },
    {
      aspect: 'intent',
      label: 'Intent',
      roadmap: ['Strategic: which problems we will solve, and why, by theme and objective.', roadmapReach(view)],
      backlog: ['Tactical: the stories and defects that deliver those items.', ...backlogReach(view.backlog)],
    },
    {
      aspect: 'time',
      label: 'Time frame',
      roadmap: [
        span
          ? `${span.quarters.length === 1 ? span.quarters[0] : `${span.quarters[0]} – ${span.quarters.at(-1)}`}: ${plural(span.quarters.length, 'fiscal quarter')}`
          : 'No dated items',
        ...(span ? [`${formatDate(span.start)} to ${formatDate(span.end)}`] : []),
        ...(undated > 0 ? [`${plural(undated, 'item')} not scheduled`] : []),
      ],
      backlog: [
        sprints.length > 0 ? `${sprintSpan(sprints)}: ${plural(sprints.length, 'sprint')}` : 'No sprints',
        ...(unsprinted > 0 ? [`${plural(unsprinted, 'item')} in no sprint`] : []),
      ],
    },
  ];
}

// --- The traceability table ---------------------------------------------------------------

export interface TraceRow {
  item: ItemView;
  theme: ThemeView | undefined;
  /** Position of the theme in the view's theme order (site.yaml first). */
  themeIndex: number;
  backlog: BacklogSummary;
  drift: DriftFlag[];
}

export const TRACE_SORT_KEYS = ['theme', 'item', 'status', 'when', 'size', 'done', 'drift'] as const;
export type TraceSortKey = (typeof TRACE_SORT_KEYS)[number];

export interface TraceSort {
  key: TraceSortKey;
  /** Header of the column this sort orders. */
  column: string;
  direction: 'ascending' | 'descending';
  /** `by theme, then start date`: said in the caption and the link's title. */
  description: string;
  /** Page path below the base: `backlog/by-<key>/`, the table's own pages (/backlog/ keeps a summary). */
  path: string;
}

export const DEFAULT_TRACE_SORT: TraceSortKey = 'theme';

const SORTS: Record<TraceSortKey, Omit<TraceSort, 'key' | 'path'>> = {
  theme: { column: 'Theme', direction: 'ascending', description: 'by theme, then start date' },
  item: { column: 'Roadmap item', direction: 'ascending', description: 'by title, A to Z' },
  status: { column: 'Status', direction: 'ascending', description: 'by status, from exploring to cancelled' },
  when: { column: 'Time frame', direction: 'ascending', description: 'by start date, unscheduled last' },
  size: { column: 'Backlog', direction: 'ascending', description: 'by backlog size, fewest items first' },
  done: { column: 'Done', direction: 'ascending', description: 'by share done, least done first' },
  drift: { column: 'Drift', direction: 'descending', description: 'by drift flags, most first' },
};

export function traceSort(key: TraceSortKey): TraceSort {
  return { key, ...SORTS[key], path: `backlog/by-${key}/` };
}

export const TRACE_SORTS: TraceSort[] = TRACE_SORT_KEYS.map(traceSort);

/** The key of a `by-<key>` path segment, or null. */
export function traceSortFromSegment(segment: string): TraceSortKey | null {
  const key = segment.replace(/^by-/, '');
  return segment.startsWith('by-') && (TRACE_SORT_KEYS as readonly string[]).includes(key)
    ? (key as TraceSortKey)
    : null;
}

export function traceRow(view: SiteView, item: ItemView, drift: DriftFlag[]): TraceRow {
  const themeIndex = view.themes.findIndex((t) => t.id === item.theme);
  return {
    item,
    theme: view.theme(item.theme),
    themeIndex: themeIndex === -1 ? view.themes.length : themeIndex,
    backlog: backlogSummary(view.backlogByEpic.get(item.id) ?? []),
    drift: drift.filter((f) => f.itemId === item.id),
  };
}

/** One row per visible roadmap item, in the default order (theme, then start date). */
export function traceRows(view: SiteView, drift: DriftFlag[]): TraceRow[] {
  const byItem = driftByItem(drift);
  return sortTraceRows(
    view.roadmap.map((item) => traceRow(view, item, byItem.get(item.id) ?? [])),
    DEFAULT_TRACE_SORT,
  );
}

const text = (a: string, b: string) => a.localeCompare(b, 'en');
const startOf = (r: TraceRow) => r.item.start ?? '9999-99-99';
const byRoadmapOrder = (a: TraceRow, b: TraceRow) =>
  a.themeIndex - b.themeIndex ||
  text(startOf(a), startOf(b)) ||
  text(a.item.title, b.item.title) ||
  (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);

const COMPARE: Record<TraceSortKey, (a: TraceRow, b: TraceRow) => number> = {
  theme: byRoadmapOrder,
  item: (a, b) => text(a.item.title, b.item.title) || byRoadmapOrder(a, b),
  status: (a, b) =>
    ROADMAP_STATUSES.indexOf(a.item.status) - ROADMAP_STATUSES.indexOf(b.item.status) || byRoadmapOrder(a, b),
  when: (a, b) =>
    text(startOf(a), startOf(b)) ||
    text(a.item.end ?? '9999-99-99', b.item.end ?? '9999-99-99') ||
    byRoadmapOrder(a, b),
  size: (a, b) => a.backlog.total - b.backlog.total || byRoadmapOrder(a, b),
  // No planned backlog at all sorts before 0% done: it is the least done there is.
  done: (a, b) => (a.backlog.done ?? -1) - (b.backlog.done ?? -1) || byRoadmapOrder(a, b),
  drift: (a, b) => b.drift.length - a.drift.length || byRoadmapOrder(a, b),
};

export function sortTraceRows(rows: TraceRow[], key: TraceSortKey): TraceRow[] {
  return [...rows].sort(COMPARE[key]);
}
