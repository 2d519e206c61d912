import { describeChange, headline, shownCounts } from '../diff/describe.ts';
import type { Change, DiffKind } from '../diff/types.ts';
import type { IsoDate } from '../model/dates.ts';
import { fiscalQuarterOf, periodLabel } from '../model/fiscal.ts';
import type { HistoryEntry } from './history.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface MonthGroup {
  /** `2026-11` */
  key: string;
  /** `November 2026` */
  label: string;
  entries: HistoryEntry[];
}

export interface QuarterGroup {
  /** `2027-Q3` */
  id: string;
  /** `FY27 Q3` */
  label: string;
  start: IsoDate;
  end: IsoDate;
  /** Today falls in this quarter. */
  current: boolean;
  months: MonthGroup[];
  totals: { published: number; added: number; removed: number; changed: number; slipped: number };
}

/** History entries (newest first) by fiscal quarter, then calendar month, newest first. */
export function groupHistory(entries: HistoryEntry[], fiscalYearStartMonth: number, today: IsoDate): QuarterGroup[] {
  const quarters: QuarterGroup[] = [];
  for (const entry of entries) {
    const q = fiscalQuarterOf(entry.day, fiscalYearStartMonth);
    let quarter = quarters.find((g) => g.id === q.id);
    if (!quarter) {
      quarter = {
        id: q.id,
        label: periodLabel(q, fiscalYearStartMonth),
        start: q.start,
        end: q.end,
        current: today >= q.start && today <= q.end,
        months: [],
        totals: { published: 0, added: 0, removed: 0, changed: 0, slipped: 0 },
      };
      quarters.push(quarter);
    }
    const key = entry.day.slice(0, 7);
    let month = quarter.months.find((m) => m.key === key);
    if (!month) {
      month = { key, label: `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`, entries: [] };
      quarter.months.push(month);
    }
    month.entries.push(entry);
    const s = shownCounts(entry.diff);
    quarter.totals.published += s.published;
    quarter.totals.added += s.added;
    quarter.totals.removed += s.removed;
    quarter.totals.changed += s.changed;
    quarter.totals.slipped += s.slipped;
  }
  return quarters;
}

/** What a history entry is called: its subject (internal) or what it did (public). */
export function entryTitle(entry: HistoryEntry): string {
  return entry.subject ?? headline(entry.diff);
}

/** Anchor of a history entry on /changes/. */
export const entryAnchor = (entry: Pick<HistoryEntry, 'hash'>) => `c-${entry.hash.slice(0, 12)}`;

export type EventKind =
  'added' | 'published' | 'made-public' | 'made-internal' | 'removed' | 'status' | 'dates' | 'horizon';

export interface EntryEvent {
  kind: EventKind;
  hash: string;
  day: IsoDate;
  text: string;
}

const EVENT_CHANGES = new Set<Change['type']>(['status', 'dates', 'horizon', 'visibility']);

/**
 * One entry's life as this history saw it, oldest first: when it was added (published, in a
 * public history), each status change, date move or slip, horizon move, and removal.
 */
export function entryEvents(entries: HistoryEntry[], kind: DiffKind, id: string): EntryEvent[] {
  const events: EntryEvent[] = [];
  const same = (e: { kind: DiffKind; id: string }) => e.kind === kind && e.id === id;
  for (const entry of [...entries].reverse()) {
    const { diff } = entry;
    const at = { hash: entry.hash, day: entry.day };
    const added = diff.added.find(same);
    if (added) {
      const published = diff.audience === 'public';
      events.push({ ...at, kind: published ? 'published' : 'added', text: published ? 'Published' : 'Added' });
    }
    if (diff.removed.find(same)) events.push({ ...at, kind: 'removed', text: 'Removed' });
    const changed = diff.changed.find(same);
    for (const change of changed?.changes ?? []) {
      if (!EVENT_CHANGES.has(change.type)) continue;
      const text = describeChange(change);
      events.push({
        ...at,
        kind:
          change.type === 'visibility'
            ? change.to === 'public'
              ? 'made-public'
              : 'made-internal'
            : (change.type as EventKind),
        text: text.charAt(0).toUpperCase() + text.slice(1),
      });
    }
  }
  return events;
}
