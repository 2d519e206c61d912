import {
  type BacklogView,
  type ItemView,
  type ObjectiveView,
  type SiteView,
  type ThemeView,
  pageEntries,
} from '../model/audience.ts';
import { formatDate } from '../model/dates.ts';
import { fiscalQuarterOf, periodLabel } from '../model/fiscal.ts';
import type { BacklogStatus, BacklogType, EntryBase, Horizon } from '../model/types.ts';

/** What pages show, worked out from a view. Pages only lay these out. */

export { HORIZON_BLURB, HORIZON_LABEL, KIND_LABEL, STATUS_LABEL, plural } from './labels.ts';
import { HORIZON_BLURB, HORIZON_LABEL } from './labels.ts';

const byStartThenTitle = (a: ItemView, b: ItemView) =>
  (a.start ?? '9999') < (b.start ?? '9999')
    ? -1
    : (a.start ?? '9999') > (b.start ?? '9999')
      ? 1
      : a.title.localeCompare(b.title, 'en');

export interface HorizonGroup {
  horizon: Horizon;
  label: string;
  blurb: string;
  items: ItemView[];
}

/** The now/next/later board's columns; shipped and cancelled items belong to none. */
export function horizonGroups(view: SiteView): HorizonGroup[] {
  return (['now', 'next', 'later'] as const).map((horizon) => ({
    horizon,
    label: HORIZON_LABEL[horizon],
    blurb: HORIZON_BLURB[horizon],
    items: view.roadmap.filter((i) => i.horizon === horizon).sort(byStartThenTitle),
  }));
}

/** Shipped items, most recently finished first. */
export function shippedItems(view: SiteView): ItemView[] {
  return view.roadmap
    .filter((i) => i.status === 'shipped')
    .sort((a, b) => (b.end ?? '').localeCompare(a.end ?? '') || a.title.localeCompare(b.title, 'en'));
}

export interface ThemeGroup {
  theme: ThemeView;
  items: ItemView[];
}

export function themeGroups(view: SiteView): ThemeGroup[] {
  return view.themes.map((theme) => ({
    theme,
    items: view.roadmap.filter((i) => i.theme === theme.id).sort(byStartThenTitle),
  }));
}

/** `1 Oct 2026 – 31 Dec 2026 (FY27 Q3)`, or `Not scheduled`. */
export function timeFrame(item: Pick<ItemView, 'start' | 'end' | 'period'>, view: SiteView): string {
  if (!item.start || !item.end) return 'Not scheduled';
  const fy = view.site.fiscalYearStartMonth;
  const q1 = periodLabel(fiscalQuarterOf(item.start, fy), fy);
  const q2 = periodLabel(fiscalQuarterOf(item.end, fy), fy);
  const quarters = q1 === q2 ? q1 : `${q1} – ${q2}`;
  return `${formatDate(item.start)} – ${formatDate(item.end)} (${quarters})`;
}

/** `2026 Q3 – 2027 Q1`, `2026 Q4`, or `Not scheduled`: a time frame that fits a table cell. */
export function quarterSpan(item: Pick<ItemView, 'start' | 'end'>, view: SiteView): string {
  if (!item.start || !item.end) return 'Not scheduled';
  const fy = view.site.fiscalYearStartMonth;
  const q1 = periodLabel(fiscalQuarterOf(item.start, fy), fy);
  const q2 = periodLabel(fiscalQuarterOf(item.end, fy), fy);
  return q1 === q2 ? q1 : `${q1} – ${q2}`;
}

/** An objective followed by its visible ancestors: why the objective matters, up to the top. */
export function objectiveChain(view: SiteView, objective: ObjectiveView): ObjectiveView[] {
  const chain = [objective];
  const seen = new Set([objective.id]);
  for (let o = objective; o.parent && !seen.has(o.parent);) {
    const parent = view.objective(o.parent);
    if (!parent) break;
    chain.push(parent);
    seen.add(parent.id);
    o = parent;
  }
  return chain;
}

export interface BacklogSummary {
  total: number;
  byType: Record<BacklogType, number>;
  byStatus: Record<BacklogStatus, number>;
  pointsDone: number;
  pointsTotal: number;
  /** Share of items done (won't-do excluded), 0..1; null when nothing is planned. */
  done: number | null;
  sprints: string[];
}

/** An epic's visible backlog in numbers. */
export function backlogSummary(items: BacklogView[]): BacklogSummary {
  const byType: Record<BacklogType, number> = { story: 0, defect: 0, task: 0, spike: 0 };
  const byStatus: Record<BacklogStatus, number> = { todo: 0, 'in-progress': 0, done: 0, 'wont-do': 0 };
  let pointsDone = 0;
  let pointsTotal = 0;
  for (const item of items) {
    byType[item.type] += 1;
    byStatus[item.status] += 1;
    if (item.status !== 'wont-do') {
      pointsTotal += item.points ?? 0;
      if (item.status === 'done') pointsDone += item.points ?? 0;
    }
  }
  const planned = items.length - byStatus['wont-do'];
  return {
    total: items.length,
    byType,
    byStatus,
    pointsDone,
    pointsTotal,
    done: planned > 0 ? byStatus.done / planned : null,
    sprints: [...new Set(items.map((i) => i.sprint).filter((s): s is string => s !== null))].sort(naturalCompare),
  };
}

const collator = new Intl.Collator('en', { numeric: true });

/** Natural order for names with numbers in them: `S2` before `S10`, `2026-S9` before `2026-S10`. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** `42%`; null (nothing measured yet) is said in words, never shown as 0%. */
export function percent(fraction: number | null): string {
  if (fraction === null) return 'not measured';
  return `${Math.round(fraction * 100)}%`;
}

/** Objectives whose period contains today, else the latest ones: what "current" means on the home page. */
export function currentObjectives(view: SiteView): ObjectiveView[] {
  const current = view.objectives.filter((o) => o.current);
  const list = current.length ? current : view.objectives;
  return [...list].sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.title.localeCompare(b.title, 'en'));
}

export interface RecentEntry {
  kind: EntryBase['kind'];
  id: string;
  title: string;
  updated: string;
}

/** Entries most recently reviewed, newest first. */
export function recentlyUpdated(view: SiteView, limit: number): RecentEntry[] {
  const entries: EntryBase[] = pageEntries(view);
  return entries
    .filter((e): e is EntryBase & { updated: string } => e.updated !== null)
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title, 'en'))
    .slice(0, limit)
    .map((e) => ({ kind: e.kind, id: e.id, title: e.title, updated: e.updated }));
}
