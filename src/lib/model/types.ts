import type { IsoDate } from './dates.ts';

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
/** Who a build is for; an audience sees entries of its own visibility and, for internal, all. */
export type Audience = Visibility;

export const ROADMAP_STATUSES = ['exploring', 'planned', 'in-progress', 'shipped', 'paused', 'cancelled'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

export const HORIZONS = ['now', 'next', 'later'] as const;
export type Horizon = (typeof HORIZONS)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const OBJECTIVE_STATUSES = ['on-track', 'at-risk', 'off-track', 'achieved', 'missed', 'dropped'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
/** What an objective's status can be once resolved: an objective with nothing measured has no derived status. */
export type ResolvedObjectiveStatus = ObjectiveStatus | 'not-measured';

export const BACKLOG_TYPES = ['story', 'defect', 'task', 'spike'] as const;
export type BacklogType = (typeof BACKLOG_TYPES)[number];

export const BACKLOG_STATUSES = ['todo', 'in-progress', 'done', 'wont-do'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export type EntryKind = 'mission' | 'vision' | 'strategy' | 'objective' | 'roadmap' | 'backlog' | 'wiki';

/** What every entry has, as authored and validated. */
export interface EntryBase {
  kind: EntryKind;
  id: string;
  /** Path inside the content folder, `/`-separated: `roadmap/public-portal.mdx`. */
  file: string;
  title: string;
  visibility: Visibility;
  updated: IsoDate | null;
  /** Accountable people or team, in the order written (`owner:` a string or a list); empty when none. */
  owners: string[];
  /** True when the entry has a Markdown/MDX body that Astro renders (YAML/JSON backlog items have none). */
  hasBody: boolean;
}

export interface Mission extends EntryBase {
  kind: 'mission';
  statement: string;
}

export interface Vision extends EntryBase {
  kind: 'vision';
  statement: string;
  horizon: string | null;
}

export interface Milestone {
  title: string;
  date: IsoDate;
  description: string | null;
}

export interface StrategyDoc extends EntryBase {
  kind: 'strategy';
  summary: string | null;
  order: number | null;
  milestones: Milestone[];
}

interface KeyResultBase {
  id: string | null;
  title: string;
}

/** A key result with a number: progress runs from `start` to `target`. */
export interface MeasuredKeyResult extends KeyResultBase {
  kind: 'measured';
  start: number;
  target: number;
  /** Null: not measured yet (left out of the objective's progress). */
  current: number | null;
  unit: string | null;
  confidence: number | null;
}

/** A key result that is done or not: progress 1 or 0. */
export interface MilestoneKeyResult extends KeyResultBase {
  kind: 'milestone';
  done: boolean;
}

export type KeyResult = MeasuredKeyResult | MilestoneKeyResult;

export interface Objective extends EntryBase {
  kind: 'objective';
  period: string;
  /** Dates that replace the period's first or last day where the real cycle differs from the fiscal one. */
  start: IsoDate | null;
  end: IsoDate | null;
  parent: string | null;
  status: ObjectiveStatus | null;
  /** May be empty: an objective without key results is "not measured". */
  keyResults: KeyResult[];
}

export interface RoadmapItem extends EntryBase {
  kind: 'roadmap';
  summary: string;
  theme: string;
  status: RoadmapStatus;
  start: IsoDate | null;
  end: IsoDate | null;
  /** `YYYY-Qn`, `YYYY-Hn` or `YYYY` as written (`period`, or its older spelling `quarter`). */
  period: string | null;
  horizon: Horizon | null;
  objectives: string[];
  dependsOn: string[];
  team: string | null;
  confidence: Confidence | null;
  tags: string[];
  /** Key or URL of the matching epic or issue in the team's tracker (`PLAT-12`, a GitHub issue URL). */
  tracker: string | null;
}

export interface BacklogItem extends EntryBase {
  kind: 'backlog';
  type: BacklogType;
  status: BacklogStatus;
  epic: string | null;
  sprint: string | null;
  points: number | null;
  /** Free text shown with the item. */
  notes: string | null;
}

export interface WikiPage extends EntryBase {
  kind: 'wiki';
  summary: string | null;
  order: number | null;
}

export interface ThemeDecl {
  id: string;
  color: string | null;
  description: string | null;
}

export interface SiteSettings {
  title: string;
  description: string | null;
  url: string | null;
  defaultVisibility: Visibility;
  fiscalYearStartMonth: number;
  staleAfterDays: number;
  themes: ThemeDecl[];
  /** Where a tracker key links (`https://acme.atlassian.net/browse/`, or with `{key}` in it). */
  trackerUrl: string | null;
}

/** A whole content folder, validated: what authors wrote, nothing derived yet. */
export interface Content {
  site: SiteSettings;
  mission: Mission;
  vision: Vision;
  strategy: StrategyDoc[];
  objectives: Objective[];
  roadmap: RoadmapItem[];
  backlog: BacklogItem[];
  wiki: WikiPage[];
}

export type Entry = Mission | Vision | StrategyDoc | Objective | RoadmapItem | BacklogItem | WikiPage;
