import type { IsoDate } from '../model/dates.ts';
import type {
  Audience,
  Confidence,
  Horizon,
  ResolvedObjectiveStatus,
  RoadmapStatus,
  Visibility,
} from '../model/types.ts';

/**
 * The semantic roadmap diff: what a change does to one audience's roadmap. Both sides are
 * `SiteView`s of the same audience, so a public diff holds only what the public site shows.
 * This shape is the JSON that `npm run diff -- --format json` prints (docs/diff.md); bump
 * `DIFF_VERSION` on any incompatible change.
 */
export const DIFF_VERSION = 1;

/** The kinds of entry a diff reports. Backlog items are not part of the roadmap diff. */
export const DIFF_KINDS = ['roadmap', 'objective', 'strategy', 'wiki', 'mission', 'vision'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

export interface RevisionInfo {
  /** As given: `main`, `HEAD~1`, or `working tree`. */
  rev: string;
  /** Full commit hash; null for the working tree. */
  commit: string | null;
}

export interface EntryRef {
  kind: DiffKind;
  id: string;
  title: string;
  /** Visibility on the side the entry is taken from (head, or base for removed entries). */
  visibility: Visibility;
  /** Page path below the site root (`roadmap/sso/`), on that side. */
  path: string;
}

/** A roadmap item's placement, for added and removed items. */
export interface ItemFacts {
  status: RoadmapStatus;
  horizon: Horizon | null;
  start: IsoDate | null;
  end: IsoDate | null;
  theme: string;
}

export interface AddedEntry extends EntryRef {
  item?: ItemFacts;
}

export interface PublishedEntry extends EntryRef {
  /**
   * `new`: a new entry that is public; `made-public`: an entry whose visibility changed from
   * internal to public. A diff of public views says `published`: it cannot, and on a public
   * site must not, tell whether the entry existed internally. `npm run diff`, made for
   * reviewers, fills in the public diff's reasons from the internal one.
   */
  reason: 'new' | 'made-public' | 'published';
}

export interface Span {
  start: IsoDate;
  end: IsoDate;
}

export type Change =
  | { type: 'title'; from: string; to: string }
  | { type: 'summary'; from: string | null; to: string | null }
  | { type: 'statement'; from: string; to: string }
  | { type: 'visibility'; from: Visibility; to: Visibility }
  | { type: 'status'; from: RoadmapStatus | ResolvedObjectiveStatus; to: RoadmapStatus | ResolvedObjectiveStatus }
  | { type: 'owners'; from: string[]; to: string[] }
  | { type: 'tracker'; from: string | null; to: string | null }
  | { type: 'horizon'; from: Horizon | null; to: Horizon | null }
  | {
      type: 'dates';
      from: Span | null;
      to: Span | null;
      /** Days the start moved (positive: later); null when either side is unscheduled. */
      startDays: number | null;
      /** Days the end moved (positive: later, a slip); null when either side is unscheduled. */
      endDays: number | null;
      /** Fiscal quarters the end moved (positive: later); null when either side is unscheduled. */
      quarters: number | null;
      /** Fiscal quarter labels of the end date on each side (`FY27 Q3`). */
      fromQuarter: string | null;
      toQuarter: string | null;
    }
  | { type: 'confidence'; from: Confidence | null; to: Confidence | null }
  | { type: 'theme'; from: string; to: string }
  | { type: 'team'; from: string | null; to: string | null }
  | {
      type: 'dependencies';
      added: EntryRef[];
      removed: EntryRef[];
      /** Count of dependencies on entries this audience may not see, before and after. */
      hiddenFrom: number;
      hiddenTo: number;
    }
  | { type: 'objectives'; added: EntryRef[]; removed: EntryRef[]; hiddenFrom: number; hiddenTo: number }
  | { type: 'period'; from: string; to: string }
  | { type: 'parent'; from: EntryRef | null; to: EntryRef | null }
  | {
      type: 'keyResult';
      change: 'added' | 'removed' | 'changed';
      /** The key result's `id`, else its title. */
      key: string;
      title: string;
      unit: string | null;
      start: { from: number; to: number } | null;
      target: { from: number; to: number } | null;
      /** `null` on a side: not measured yet there. */
      current: { from: number | null; to: number | null } | null;
      /** A milestone key result done, or no longer done. */
      done: { from: boolean; to: boolean } | null;
      /** Progress 0..1 before and after (null on a side where the key result does not exist or is not measured). */
      progressFrom: number | null;
      progressTo: number | null;
      /** progressTo - progressFrom, rounded to 4 decimals; null when added or removed. */
      delta: number | null;
    };

export type ChangeType = Change['type'];

export interface ChangedEntry extends EntryRef {
  changes: Change[];
}

export interface DiffSummary {
  becamePublic: number;
  added: number;
  removed: number;
  changed: number;
  /** How many changes of each type (a changed entry can have several). */
  changes: Partial<Record<ChangeType, number>>;
  /** Roadmap items whose end moved later, or that lost their dates. */
  slipped: number;
}

export interface RoadmapDiff {
  version: typeof DIFF_VERSION;
  audience: Audience;
  base: RevisionInfo;
  head: RevisionInfo;
  /** "Today" both sides were resolved with (horizons and derived objective status depend on it). */
  today: IsoDate;
  summary: DiffSummary;
  /**
   * Entries public at head that were not public at base, those made public first; each is also
   * in `added` (a new entry) or in `changed` with a `visibility` change.
   */
  becamePublic: PublishedEntry[];
  added: AddedEntry[];
  removed: AddedEntry[];
  changed: ChangedEntry[];
}

export const isEmptyDiff = (diff: Pick<RoadmapDiff, 'added' | 'removed' | 'changed'>): boolean =>
  diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
