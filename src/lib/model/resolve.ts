import { type IsoDate, daysBetween } from './dates.ts';
import { type FiscalPeriod, parsePeriod, periodLabel } from './fiscal.ts';
import { deriveHorizon } from './horizon.ts';
import { deriveObjectiveStatus, keyResultProgress, objectiveProgress } from './okr.ts';
import type {
  BacklogItem,
  Content,
  EntryBase,
  Horizon,
  KeyResult,
  Mission,
  Objective,
  ResolvedObjectiveStatus,
  RoadmapItem,
  StrategyDoc,
  Vision,
  WikiPage,
} from './types.ts';

/** What every entry gains once "today" is known. */
export interface Freshness {
  /** True when `updated` is missing or older than `staleAfterDays` before today (backlog items: only when older). */
  stale: boolean;
  /** Days since `updated`, null when it is missing. */
  ageDays: number | null;
}

export type Resolved<T extends EntryBase> = T & Freshness;

export interface ResolvedItem extends Resolved<RoadmapItem> {
  /** Resolved dates: a `period` (or `quarter`) expanded to its first and last day. */
  start: IsoDate | null;
  end: IsoDate | null;
  /** The horizon by the spec's rules (null for shipped and cancelled). */
  horizon: Horizon | null;
  horizonIsExplicit: boolean;
}

/** A key result with its progress, 0..1, or null when it is not measured yet. */
export type ResolvedKeyResult = KeyResult & { progress: number | null };

export interface ResolvedObjective extends Omit<Resolved<Objective>, 'keyResults' | 'status'> {
  /** The dates the objective runs: its period's, or its own `start`/`end` where given. */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** How people say the period: `FY27 Q3`, or `2027 Q3` when the fiscal year is the calendar year. */
  periodLabel: string;
  /** Null when nothing is measured: no key results, or none with a value yet. */
  progress: number | null;
  status: ResolvedObjectiveStatus;
  statusIsExplicit: boolean;
  keyResults: ResolvedKeyResult[];
  /** True when today falls inside the period. */
  current: boolean;
}

/** The content with every value that depends on "today" worked out: still every audience. */
export interface ResolvedContent {
  site: Content['site'];
  today: IsoDate;
  mission: Resolved<Mission>;
  vision: Resolved<Vision>;
  strategy: Resolved<StrategyDoc>[];
  objectives: ResolvedObjective[];
  roadmap: ResolvedItem[];
  backlog: Resolved<BacklogItem>[];
  wiki: Resolved<WikiPage>[];
}

export function freshness(updated: IsoDate | null, today: IsoDate, staleAfterDays: number): Freshness {
  if (!updated) return { stale: true, ageDays: null };
  const ageDays = daysBetween(updated, today);
  return { stale: ageDays > staleAfterDays, ageDays };
}

function period(text: string, fiscalYearStartMonth: number): FiscalPeriod {
  const p = parsePeriod(text, fiscalYearStartMonth);
  // The loader has rejected malformed periods, so this only fires on a programming error.
  if (!p) throw new Error(`Unparseable period ${JSON.stringify(text)} passed validation`);
  return p;
}

export function resolveContent(content: Content, today: IsoDate): ResolvedContent {
  const { site } = content;
  const fy = site.fiscalYearStartMonth;
  const fresh = <T extends EntryBase>(entry: T): Resolved<T> => ({
    ...entry,
    ...freshness(entry.updated, today, site.staleAfterDays),
  });

  const roadmap = content.roadmap.map((item): ResolvedItem => {
    const expanded = item.period ? period(item.period, fy) : null;
    const start = expanded ? expanded.start : item.start;
    const end = expanded ? expanded.end : item.end;
    return {
      ...fresh(item),
      start,
      end,
      horizon: deriveHorizon({ horizon: item.horizon, status: item.status, start, end }, today, fy),
      horizonIsExplicit: item.horizon !== null,
    };
  });

  const objectives = content.objectives.map((objective): ResolvedObjective => {
    const p = period(objective.period, fy);
    // The cycle a team really runs (1 Sep - 31 Dec) may differ from the fiscal one.
    const runs = { start: objective.start ?? p.start, end: objective.end ?? p.end };
    const keyResults = objective.keyResults.map((kr): ResolvedKeyResult => ({
      ...kr,
      progress: keyResultProgress(kr),
    }));
    const progress = objectiveProgress(objective.keyResults);
    return {
      ...fresh(objective),
      periodStart: runs.start,
      periodEnd: runs.end,
      periodLabel: periodLabel(p, fy),
      progress,
      status: objective.status ?? deriveObjectiveStatus(progress, runs, today),
      statusIsExplicit: objective.status !== null,
      keyResults,
      current: today >= runs.start && today <= runs.end,
    };
  });

  return {
    site,
    today,
    mission: fresh(content.mission),
    vision: fresh(content.vision),
    strategy: content.strategy.map(fresh),
    objectives,
    roadmap,
    // Backlog items have no page and usually come from a tracker export without `updated`:
    // their status is their freshness. One is stale only when an `updated` it has is too old.
    backlog: content.backlog.map((entry) => {
      const resolved = fresh(entry);
      return { ...resolved, stale: entry.updated !== null && resolved.stale };
    }),
    wiki: content.wiki.map(fresh),
  };
}
