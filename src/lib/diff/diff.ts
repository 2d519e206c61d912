import { type ItemView, type ObjectiveView, type SiteView, pageEntries } from '../model/audience.ts';
import { daysBetween } from '../model/dates.ts';
import { fiscalQuarterOf, periodLabel } from '../model/fiscal.ts';
import type { Resolved, ResolvedKeyResult } from '../model/resolve.ts';
import type { Audience, EntryBase, Mission, StrategyDoc, Vision, WikiPage } from '../model/types.ts';
import { makeLinks } from '../site/links.ts';
import {
  type AddedEntry,
  type Change,
  type ChangedEntry,
  DIFF_KINDS,
  DIFF_VERSION,
  type DiffKind,
  type DiffSummary,
  type EntryRef,
  type PublishedEntry,
  type RevisionInfo,
  type RoadmapDiff,
  type Span,
} from './types.ts';

/**
 * A keyed diff of two views of the same audience. Entries are matched by kind and id: a file
 * that moved but kept its id is the same entry, and a changed id is a removal plus an addition.
 * `null` stands for a side where the content folder does not exist.
 */
export function diffViews(
  base: SiteView | null,
  head: SiteView | null,
  meta: { audience: Audience; base: RevisionInfo; head: RevisionInfo; today: string },
): RoadmapDiff {
  for (const view of [base, head]) {
    if (view && view.audience !== meta.audience) {
      throw new Error(`diffViews: a ${view.audience} view given for a ${meta.audience} diff`);
    }
  }
  const fy = (head ?? base)?.site.fiscalYearStartMonth ?? 1;
  const before = entryMap(base);
  const after = entryMap(head);

  const added: AddedEntry[] = [];
  const removed: AddedEntry[] = [];
  const changed: ChangedEntry[] = [];
  const becamePublic: PublishedEntry[] = [];

  for (const [key, entry] of after) {
    const old = before.get(key);
    if (!old) {
      added.push(addedEntry(entry));
      if (entry.visibility === 'public') {
        becamePublic.push({ ...ref(entry), reason: meta.audience === 'public' ? 'published' : 'new' });
      }
      continue;
    }
    const changes = compare(old, entry, { base, head, fy });
    if (changes.length) changed.push({ ...ref(entry), changes });
    if (old.visibility !== 'public' && entry.visibility === 'public') {
      becamePublic.push({ ...ref(entry), reason: 'made-public' });
    }
  }
  for (const [key, entry] of before) {
    if (!after.has(key)) removed.push(addedEntry(entry));
  }

  const order = (a: EntryRef, b: EntryRef) =>
    DIFF_KINDS.indexOf(a.kind) - DIFF_KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  added.sort(order);
  removed.sort(order);
  changed.sort(order);
  // Entries made public first: they publish what was written for internal eyes.
  becamePublic.sort((a, b) => Number(b.reason === 'made-public') - Number(a.reason === 'made-public') || order(a, b));

  return {
    version: DIFF_VERSION,
    audience: meta.audience,
    base: meta.base,
    head: meta.head,
    today: meta.today,
    summary: summarizeDiff({ becamePublic, added, removed, changed }),
    becamePublic,
    added,
    removed,
    changed,
  };
}

type AnyEntry =
  ItemView | ObjectiveView | Resolved<StrategyDoc> | Resolved<WikiPage> | Resolved<Mission> | Resolved<Vision>;

const paths = makeLinks('/', null);

function kindOf(entry: EntryBase): DiffKind {
  return entry.kind as DiffKind;
}

export function ref(entry: EntryBase): EntryRef {
  return {
    kind: kindOf(entry),
    id: entry.id,
    title: entry.title,
    visibility: entry.visibility,
    path: paths.entryPath(entry.kind, entry.id),
  };
}

function addedEntry(entry: AnyEntry): AddedEntry {
  if (entry.kind !== 'roadmap') return ref(entry);
  return {
    ...ref(entry),
    item: { status: entry.status, horizon: entry.horizon, start: entry.start, end: entry.end, theme: entry.theme },
  };
}

function entryMap(view: SiteView | null): Map<string, AnyEntry> {
  const map = new Map<string, AnyEntry>();
  if (!view) return map;
  for (const entry of pageEntries(view)) map.set(`${entry.kind}\0${entry.id}`, entry);
  return map;
}

interface Context {
  base: SiteView | null;
  head: SiteView | null;
  fy: number;
}

function compare(old: AnyEntry, now: AnyEntry, ctx: Context): Change[] {
  const changes: Change[] = [];
  if (old.title !== now.title) changes.push({ type: 'title', from: old.title, to: now.title });
  if (old.visibility !== now.visibility) changes.push({ type: 'visibility', from: old.visibility, to: now.visibility });
  if (old.owners.join('\0') !== now.owners.join('\0'))
    changes.push({ type: 'owners', from: old.owners, to: now.owners });
  if (old.kind === 'roadmap' && now.kind === 'roadmap') changes.push(...compareItems(old, now, ctx));
  else if (old.kind === 'objective' && now.kind === 'objective') changes.push(...compareObjectives(old, now, ctx));
  else if ((old.kind === 'mission' || old.kind === 'vision') && (now.kind === 'mission' || now.kind === 'vision')) {
    if (old.statement !== now.statement) changes.push({ type: 'statement', from: old.statement, to: now.statement });
  } else if ((old.kind === 'strategy' || old.kind === 'wiki') && (now.kind === 'strategy' || now.kind === 'wiki')) {
    if (old.summary !== now.summary) changes.push({ type: 'summary', from: old.summary, to: now.summary });
  }
  return changes;
}

function compareItems(old: ItemView, now: ItemView, ctx: Context): Change[] {
  const changes: Change[] = [];
  if (old.summary !== now.summary) changes.push({ type: 'summary', from: old.summary, to: now.summary });
  if (old.status !== now.status) changes.push({ type: 'status', from: old.status, to: now.status });
  const dates = compareDates(span(old), span(now), ctx.fy);
  if (dates) changes.push(dates);
  if (old.horizon !== now.horizon) changes.push({ type: 'horizon', from: old.horizon, to: now.horizon });
  if (old.confidence !== now.confidence) changes.push({ type: 'confidence', from: old.confidence, to: now.confidence });
  if (old.theme !== now.theme) changes.push({ type: 'theme', from: old.theme, to: now.theme });
  if (old.team !== now.team) changes.push({ type: 'team', from: old.team, to: now.team });
  if (old.tracker !== now.tracker) changes.push({ type: 'tracker', from: old.tracker, to: now.tracker });
  const deps = listChange(
    'roadmap',
    old.dependsOn,
    now.dependsOn,
    (id) => ctx.base?.item(id),
    (id) => ctx.head?.item(id),
  );
  if (deps || old.hiddenDependencyCount !== now.hiddenDependencyCount) {
    changes.push({
      type: 'dependencies',
      added: deps?.added ?? [],
      removed: deps?.removed ?? [],
      hiddenFrom: old.hiddenDependencyCount,
      hiddenTo: now.hiddenDependencyCount,
    });
  }
  const objectives = listChange(
    'objective',
    old.objectives,
    now.objectives,
    (id) => ctx.base?.objective(id),
    (id) => ctx.head?.objective(id),
  );
  if (objectives || old.hiddenObjectiveCount !== now.hiddenObjectiveCount) {
    changes.push({
      type: 'objectives',
      added: objectives?.added ?? [],
      removed: objectives?.removed ?? [],
      hiddenFrom: old.hiddenObjectiveCount,
      hiddenTo: now.hiddenObjectiveCount,
    });
  }
  return changes;
}

function span(item: ItemView): Span | null {
  return item.start && item.end ? { start: item.start, end: item.end } : null;
}

/** A date change with the slip in days and fiscal quarters; null when the dates are the same. */
export function compareDates(from: Span | null, to: Span | null, fiscalYearStartMonth: number): Change | null {
  if (from?.start === to?.start && from?.end === to?.end) return null;
  const quarterOf = (date: string) => fiscalQuarterOf(date, fiscalYearStartMonth);
  const index = (date: string) => {
    const q = quarterOf(date);
    return q.fiscalYear * 4 + q.index;
  };
  const label = (date: string | undefined) => (date ? periodLabel(quarterOf(date), fiscalYearStartMonth) : null);
  return {
    type: 'dates',
    from,
    to,
    startDays: from && to ? daysBetween(from.start, to.start) : null,
    endDays: from && to ? daysBetween(from.end, to.end) : null,
    quarters: from && to ? index(to.end) - index(from.end) : null,
    fromQuarter: label(from?.end),
    toQuarter: label(to?.end),
  };
}

function listChange(
  kind: DiffKind,
  before: string[],
  after: string[],
  inBase: (id: string) => EntryBase | undefined,
  inHead: (id: string) => EntryBase | undefined,
): { added: EntryRef[]; removed: EntryRef[] } | null {
  const added = after.filter((id) => !before.includes(id)).sort();
  const removed = before.filter((id) => !after.includes(id)).sort();
  if (!added.length && !removed.length) return null;
  const refOf = (id: string, entry: EntryBase | undefined): EntryRef =>
    entry ? ref(entry) : { kind, id, title: id, visibility: 'public', path: paths.entryPath(kind, id) };
  return {
    added: added.map((id) => refOf(id, inHead(id))),
    removed: removed.map((id) => refOf(id, inBase(id))),
  };
}

function compareObjectives(old: ObjectiveView, now: ObjectiveView, ctx: Context): Change[] {
  const changes: Change[] = [];
  if (old.period !== now.period) changes.push({ type: 'period', from: old.period, to: now.period });
  else {
    // Same period, own start or end moved: the cycle the team runs changed.
    const dates = compareDates(
      { start: old.periodStart, end: old.periodEnd },
      { start: now.periodStart, end: now.periodEnd },
      ctx.fy,
    );
    if (dates) changes.push(dates);
  }
  if (old.status !== now.status) changes.push({ type: 'status', from: old.status, to: now.status });
  if (old.parent !== now.parent) {
    const parentRef = (view: SiteView | null, id: string | null) => {
      const parent = id ? view?.objective(id) : undefined;
      return parent ? ref(parent) : null;
    };
    changes.push({ type: 'parent', from: parentRef(ctx.base, old.parent), to: parentRef(ctx.head, now.parent) });
  }
  changes.push(...compareKeyResults(old.keyResults, now.keyResults));
  return changes;
}

const round4 = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);

/** What a key result shows a diff, whatever its kind: a milestone has no numbers, a measured one no `done`. */
function figures(kr: ResolvedKeyResult) {
  return kr.kind === 'measured'
    ? { start: kr.start, target: kr.target, current: kr.current, unit: kr.unit, done: undefined }
    : { start: undefined, target: undefined, current: undefined, unit: null, done: kr.done };
}

/** Key results are matched by `id` when they have one, else by title, else by position. */
function compareKeyResults(before: ResolvedKeyResult[], after: ResolvedKeyResult[]): Change[] {
  const keyOf = (kr: ResolvedKeyResult, index: number, list: ResolvedKeyResult[]) => {
    if (kr.id) return `id:${kr.id}`;
    const sameTitle = list.filter((k) => !k.id && k.title === kr.title).length;
    return sameTitle === 1 ? `title:${kr.title}` : `index:${index}`;
  };
  const old = new Map(before.map((kr, i) => [keyOf(kr, i, before), kr]));
  const now = new Map(after.map((kr, i) => [keyOf(kr, i, after), kr]));
  const changes: Change[] = [];
  // A field changed when both sides have it (`undefined`: the kind has no such field) and it differs.
  const pair = <T>(from: T | undefined, to: T | undefined) =>
    from !== undefined && to !== undefined && from !== to ? { from, to } : null;
  for (const [key, kr] of now) {
    const was = old.get(key);
    const a = was ? figures(was) : null;
    const b = figures(kr);
    const start = pair(a?.start, b.start);
    const target = pair(a?.target, b.target);
    const current = pair(a?.current, b.current);
    const done = pair(a?.done, b.done);
    const same =
      was &&
      !start &&
      !target &&
      !current &&
      !done &&
      was.kind === kr.kind &&
      was.title === kr.title &&
      a?.unit === b.unit;
    if (same) continue;
    changes.push({
      type: 'keyResult',
      change: was ? 'changed' : 'added',
      key: kr.id ?? kr.title,
      title: kr.title,
      unit: b.unit,
      start,
      target,
      current,
      done,
      progressFrom: was ? round4(was.progress) : null,
      progressTo: round4(kr.progress),
      delta: was && was.progress !== null && kr.progress !== null ? round4(kr.progress - was.progress) : null,
    });
  }
  for (const [key, kr] of old) {
    if (now.has(key)) continue;
    changes.push({
      type: 'keyResult',
      change: 'removed',
      key: kr.id ?? kr.title,
      title: kr.title,
      unit: figures(kr).unit,
      start: null,
      target: null,
      current: null,
      done: null,
      progressFrom: round4(kr.progress),
      progressTo: null,
      delta: null,
    });
  }
  return changes;
}

/**
 * The public diff with each publication's reason taken from the internal diff of the same
 * revisions: which entries were made public rather than new, listed first. For reviewers
 * (`npm run diff`), who see both audiences; a public build never does this.
 */
export function withPublicationReasons(publicDiff: RoadmapDiff, internalDiff: RoadmapDiff): RoadmapDiff {
  const madePublic = new Set(
    internalDiff.becamePublic.filter((e) => e.reason === 'made-public').map((e) => `${e.kind}:${e.id}`),
  );
  const becamePublic = publicDiff.becamePublic
    .map((e): PublishedEntry => ({ ...e, reason: madePublic.has(`${e.kind}:${e.id}`) ? 'made-public' : 'new' }))
    .sort((a, b) => Number(b.reason === 'made-public') - Number(a.reason === 'made-public'));
  return { ...publicDiff, becamePublic };
}

/** True for a date change that moves the end later or drops the dates: a slip. */
export function isSlip(change: Change): boolean {
  return change.type === 'dates' && ((change.endDays ?? 0) > 0 || (change.from !== null && change.to === null));
}

/** The counts of a diff's lists. */
export function summarizeDiff({
  becamePublic,
  added,
  removed,
  changed,
}: Pick<RoadmapDiff, 'becamePublic' | 'added' | 'removed' | 'changed'>): DiffSummary {
  const changes: DiffSummary['changes'] = {};
  let slipped = 0;
  for (const entry of changed) {
    for (const change of entry.changes) changes[change.type] = (changes[change.type] ?? 0) + 1;
    if (entry.kind === 'roadmap' && entry.changes.some(isSlip)) slipped += 1;
  }
  return {
    becamePublic: becamePublic.length,
    added: added.length,
    removed: removed.length,
    changed: changed.length,
    changes,
    slipped,
  };
}
