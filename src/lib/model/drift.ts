import type { BacklogView, ItemView, SiteView } from './audience.ts';
import { daysBetween, formatDate } from './dates.ts';

/**
 * Drift: where the roadmap says one thing and the dates or the backlog say another. Computed
 * from a `SiteView`, so a public build's flags rest on public entries only and never mention
 * an internal one; `npm run check` computes them on the internal view (everything).
 */

export const DRIFT_KINDS = [
  'overdue',
  'backlog-done-not-shipped',
  'shipped-with-open-defects',
  'now-without-work',
  'starts-before-dependency',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface DriftFlag {
  kind: DriftKind;
  itemId: string;
  /** What disagrees and by how much, as a predicate of the item: `ended 31 Oct 2026 (21 days ago) but …`. */
  message: string;
}

/** Short names for the kinds, for headings, table cells and counts. */
export const DRIFT_LABEL: Record<DriftKind, string> = {
  overdue: 'Past its end date, not shipped',
  'backlog-done-not-shipped': 'Backlog all done, not shipped',
  'shipped-with-open-defects': 'Shipped with open defects',
  'now-without-work': 'Now, but no work in progress or to do',
  'starts-before-dependency': 'Starts before a dependency ends',
};

/** What each kind usually means, and what to do about it. */
export const DRIFT_HINT: Record<DriftKind, string> = {
  overdue: 'Ship it, or move its dates so the roadmap says what will happen.',
  'backlog-done-not-shipped': 'Mark it shipped, or add the remaining work to the backlog.',
  'shipped-with-open-defects': 'The announcement may be ahead of the quality: fix or triage the defects.',
  'now-without-work': 'Planned on paper only: add the work to the backlog, or move the item to next or later.',
  'starts-before-dependency': 'Move the item later, or the dependency earlier.',
};

const OPEN = new Set<BacklogView['status']>(['todo', 'in-progress']);
const CLOSED_ITEM = new Set<ItemView['status']>(['shipped', 'cancelled']);

const said = (status: string) => status.replace('-', ' ');
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const list = (ids: string[]) =>
  ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;

/** The drift flags of one item, in the order of `DRIFT_KINDS`. */
export function itemDrift(view: SiteView, item: ItemView): DriftFlag[] {
  const flags: DriftFlag[] = [];
  const flag = (kind: DriftKind, message: string) => flags.push({ kind, itemId: item.id, message });
  const backlog = view.backlogByEpic.get(item.id) ?? [];
  const open = backlog.filter((b) => OPEN.has(b.status));
  const done = backlog.filter((b) => b.status === 'done');

  // An item past its last day that is neither shipped nor cancelled tells readers a date that has gone.
  if (item.end && item.end < view.today && !CLOSED_ITEM.has(item.status)) {
    flag(
      'overdue',
      `ended ${formatDate(item.end)} (${days(daysBetween(item.end, view.today))} ago) but is ${said(item.status)}, not shipped`,
    );
  }

  // Every piece of linked work is finished (won't-do counts as finished), yet the item is not shipped.
  const allDone = done.length > 0 && open.length === 0;
  if (allDone && !CLOSED_ITEM.has(item.status)) {
    const finished = done.length === backlog.length ? 'done' : "done or won't do";
    const which = backlog.length === 1 ? 'its one backlog item' : `all ${backlog.length} of its backlog items`;
    flag('backlog-done-not-shipped', `has ${which} ${finished} but is ${said(item.status)}, not shipped`);
  }

  if (item.status === 'shipped') {
    const defects = open.filter((b) => b.type === 'defect').map((b) => b.id);
    if (defects.length > 0) {
      flag(
        'shipped-with-open-defects',
        `is shipped with ${defects.length} open defect${defects.length === 1 ? '' : 's'}: ${list(defects)}`,
      );
    }
  }

  // A `now` item whose backlog is all done already has the flag above; this one is for work
  // that was never there (no backlog, or only won't-do).
  if (item.horizon === 'now' && open.length === 0 && !allDone) {
    flag(
      'now-without-work',
      backlog.length === 0
        ? 'is in the now horizon but has no backlog items'
        : backlog.length === 1
          ? 'is in the now horizon but its one backlog item is neither in progress nor to do'
          : `is in the now horizon but none of its ${backlog.length} backlog items is in progress or to do`,
    );
  }

  // Only visible dependencies count (the view drops hidden ones); a shipped dependency is done
  // whatever its planned end said, and a shipped or cancelled item no longer waits for anything.
  if (item.start && !CLOSED_ITEM.has(item.status)) {
    for (const id of item.dependsOn) {
      const dep = view.item(id);
      if (!dep?.end || dep.status === 'shipped' || dep.status === 'cancelled') continue;
      if (item.start <= dep.end) {
        flag(
          'starts-before-dependency',
          `starts ${formatDate(item.start)}, before ${dep.title} (${dep.id}), which it depends on, ends ${formatDate(dep.end)}`,
        );
      }
    }
  }
  return flags;
}

/** Every drift flag of the view, item by item (items sorted by id), so output is stable. */
export function driftFlags(view: SiteView): DriftFlag[] {
  return [...view.roadmap]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((item) => itemDrift(view, item));
}

export interface DriftGroup {
  kind: DriftKind;
  label: string;
  hint: string;
  flags: DriftFlag[];
}

/** Flags grouped by kind, in the order of `DRIFT_KINDS`; kinds with no flags are left out. */
export function driftByKind(flags: DriftFlag[]): DriftGroup[] {
  return DRIFT_KINDS.map((kind) => ({
    kind,
    label: DRIFT_LABEL[kind],
    hint: DRIFT_HINT[kind],
    flags: flags.filter((f) => f.kind === kind),
  })).filter((g) => g.flags.length > 0);
}

/** Flags by item id, for tables and item pages. */
export function driftByItem(flags: DriftFlag[]): Map<string, DriftFlag[]> {
  const map = new Map<string, DriftFlag[]>();
  for (const f of flags) map.set(f.itemId, [...(map.get(f.itemId) ?? []), f]);
  return map;
}
