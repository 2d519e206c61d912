import { formatDate } from '../model/dates.ts';
import type { Horizon } from '../model/types.ts';
import { listText } from '../site/labels.ts';
import { isSlip } from './diff.ts';
import type { AddedEntry, Change, ChangedEntry, DiffKind, EntryRef, RoadmapDiff, Span } from './types.ts';

/**
 * Plain-text sentences for a diff, shared by the pull-request markdown, the /changes/ pages,
 * the RSS feed and item histories, so every place says a change the same way.
 */

export const KIND_NAME: Record<DiffKind, string> = {
  roadmap: 'Item',
  objective: 'Objective',
  strategy: 'Strategy document',
  wiki: 'Wiki page',
  mission: 'Mission',
  vision: 'Vision',
};

const HORIZON: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

/** `in-progress` -> `In progress`, `on-track` -> `On track`. */
export function label(value: string | null): string {
  if (value === null) return 'none';
  const text = value.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const quoted = (text: string) => `“${text}”`;
const horizon = (h: Horizon | null) => (h ? HORIZON[h] : 'no horizon');
export const spanText = (s: Span) => `${formatDate(s.start)} – ${formatDate(s.end)}`;
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)}`;
const percent = (n: number) => `${Math.round(n * 100)}%`;
const number = (n: number, unit: string | null) => (unit ? (unit === '%' ? `${n}%` : `${n} ${unit}`) : String(n));
const titles = (refs: EntryRef[]) => refs.map((r) => quoted(r.title)).join(', ');

/** How to name a revision to a reader: as given (`main`), or a full hash shortened. */
export function revisionName(rev: { rev: string; commit: string | null }): string {
  return /^[0-9a-f]{40}$/i.test(rev.rev) ? rev.rev.slice(0, 7) : rev.rev;
}

/** One change as a sentence fragment, e.g. `status: Planned → In progress`. */
export function describeChange(change: Change): string {
  switch (change.type) {
    case 'title':
      return `renamed from ${quoted(change.from)}`;
    case 'summary':
      return change.to ? `summary now reads ${quoted(change.to)}` : 'summary removed';
    case 'statement':
      return `statement now reads ${quoted(change.to)}`;
    case 'visibility':
      return change.to === 'public' ? 'made public' : 'made internal (no longer on the public site)';
    case 'status':
      return `status: ${label(change.from)} → ${label(change.to)}`;
    case 'horizon':
      if (change.to === null) return `off the now/next/later board (was ${horizon(change.from)})`;
      if (change.from === null) return `back on the board, at ${horizon(change.to)}`;
      return `moved from ${horizon(change.from)} to ${horizon(change.to)}`;
    case 'dates':
      return describeDates(change);
    case 'confidence':
      return `confidence: ${change.from ?? 'none'} → ${change.to ?? 'none'}`;
    case 'theme':
      return `theme: ${change.from} → ${change.to}`;
    case 'team':
      return `team: ${change.from ?? 'none'} → ${change.to ?? 'none'}`;
    case 'owners':
      return `owner: ${change.from.join(', ') || 'none'} → ${change.to.join(', ') || 'none'}`;
    case 'tracker':
      return `tracker: ${change.from ?? 'none'} → ${change.to ?? 'none'}`;
    case 'dependencies':
    case 'objectives': {
      const [verb, noun] = change.type === 'dependencies' ? ['depends on', 'item'] : ['serves', 'objective'];
      const parts: string[] = [];
      if (change.added.length) parts.push(`now ${verb} ${titles(change.added)}`);
      if (change.removed.length) parts.push(`no longer ${verb} ${titles(change.removed)}`);
      const hidden = change.hiddenTo - change.hiddenFrom;
      if (hidden > 0) parts.push(`now ${verb} ${plural(hidden, `more internal ${noun}`, `more internal ${noun}s`)}`);
      if (hidden < 0) parts.push(`${verb} ${plural(-hidden, `fewer internal ${noun}`, `fewer internal ${noun}s`)}`);
      return parts.join('; ');
    }
    case 'period':
      return `period: ${change.from} → ${change.to}`;
    case 'parent':
      return change.to
        ? `now under ${quoted(change.to.title)}${change.from ? ` (was ${quoted(change.from.title)})` : ''}`
        : `no longer under ${change.from ? quoted(change.from.title) : 'a parent objective'}`;
    case 'keyResult': {
      const kr = `key result ${quoted(change.title)}`;
      const shown = (p: number | null) => (p === null ? 'not measured' : percent(p));
      if (change.change === 'added') return `${kr} added (${shown(change.progressTo)})`;
      if (change.change === 'removed') return `${kr} removed`;
      const parts: string[] = [];
      const figure = (n: number | null) => (n === null ? 'not measured' : number(n, change.unit));
      for (const field of ['start', 'target', 'current'] as const) {
        const pair = change[field];
        if (pair) parts.push(`${field} ${figure(pair.from)} → ${figure(pair.to)}`);
      }
      if (change.done) parts.push(change.done.to ? 'done' : 'no longer done');
      if (change.delta !== null && change.progressFrom !== null && change.progressTo !== null) {
        parts.push(
          `progress ${percent(change.progressFrom)} → ${percent(change.progressTo)} (${signed(Math.round(change.delta * 100))} points)`,
        );
      }
      return `${kr}: ${parts.join(', ') || 'edited'}`;
    }
  }
}

function describeDates(change: Extract<Change, { type: 'dates' }>): string {
  const { from, to, endDays, startDays, quarters } = change;
  if (!from && to) return `scheduled: ${spanText(to)}${change.toQuarter ? ` (ends ${change.toQuarter})` : ''}`;
  if (from && !to) return `unscheduled (was ${spanText(from)})`;
  if (!from || !to || endDays === null || startDays === null) return 'dates changed';
  const q = quarters
    ? `, ${plural(Math.abs(quarters), 'quarter')} ${quarters > 0 ? 'later' : 'earlier'}: ${change.fromQuarter} → ${change.toQuarter}`
    : '';
  if (endDays > 0) return `slipped ${plural(endDays, 'day')}${q}; now ${spanText(to)}`;
  if (endDays < 0) return `pulled in ${plural(-endDays, 'day')}${q}; now ${spanText(to)}`;
  return `start moved ${plural(Math.abs(startDays), 'day')} ${startDays > 0 ? 'later' : 'earlier'}; now ${spanText(to)}`;
}

/** Where an added or removed item sits: `Planned · Next · 1 Oct 2026 – 31 Dec 2026`. */
export function describePlacement(entry: AddedEntry): string {
  if (!entry.item) return KIND_NAME[entry.kind];
  const { status, horizon: h, start, end, theme } = entry.item;
  return [label(status), h ? HORIZON[h] : null, start && end ? spanText({ start, end }) : 'not scheduled', theme]
    .filter(Boolean)
    .join(' · ');
}

/** Every change of an entry in one sentence. */
export function describeEntry(entry: ChangedEntry): string {
  return entry.changes.map(describeChange).join('; ');
}

/**
 * What a reader is told about, each entry once: an entry that gets published is not also
 * counted as added, nor as changed when being made public is all that happened to it.
 */
export function shownCounts(diff: Pick<RoadmapDiff, 'becamePublic' | 'added' | 'removed' | 'changed'>) {
  const published = new Set(diff.becamePublic.map(key));
  const changed = diff.changed.filter((e) => !onlyPublished(e, published));
  return {
    published: diff.becamePublic.length,
    added: diff.added.filter((e) => !published.has(key(e))).length,
    removed: diff.removed.length,
    changed: changed.length,
    slipped: changed.filter((e) => e.changes.some(isSlip)).length,
  };
}

const key = (e: { kind: string; id: string }) => `${e.kind}:${e.id}`;
const onlyPublished = (e: ChangedEntry, published: Set<string>) =>
  published.has(key(e)) && e.changes.every((c) => c.type === 'visibility');

/** `2 published, 1 added, 1 removed, 3 changed (1 slipped)`, or `no changes`. */
export function summaryText(diff: Pick<RoadmapDiff, 'becamePublic' | 'added' | 'removed' | 'changed'>): string {
  const s = shownCounts(diff);
  const parts: string[] = [];
  if (s.published) parts.push(`${s.published} published`);
  if (s.added) parts.push(`${s.added} added`);
  if (s.removed) parts.push(`${s.removed} removed`);
  if (s.changed) parts.push(`${s.changed} changed${s.slipped ? ` (${s.slipped} slipped)` : ''}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

/**
 * A short title for a change made only of what it did, for places that must not print commit
 * subjects (the public site): `Published “SSO”; “Search” slipped; 2 more changes`.
 */
export function headline(diff: RoadmapDiff, max = 2): string {
  const published = new Set(diff.becamePublic.map(key));
  const said: { text: string; kind: DiffKind }[] = [];
  for (const e of diff.becamePublic) said.push({ text: `Published ${quoted(e.title)}`, kind: e.kind });
  for (const e of diff.added) if (!published.has(key(e))) said.push({ text: `Added ${quoted(e.title)}`, kind: e.kind });
  for (const e of diff.removed) said.push({ text: `Removed ${quoted(e.title)}`, kind: e.kind });
  for (const e of diff.changed) {
    if (onlyPublished(e, published)) continue;
    const title = e.changes.find((c) => c.type === 'title');
    // A rename says from what to what; `“X” renamed` alone reads as if nothing changed.
    const text =
      title && title.type === 'title' && changeVerb(e) === 'renamed'
        ? `${quoted(title.from)} renamed ${quoted(title.to)}`
        : `${quoted(e.title)} ${changeVerb(e)}`;
    said.push({ text, kind: e.kind });
  }
  // Entries of different kinds that share a title (an objective and the roadmap item for it)
  // and changed alike are said once, naming the kinds, not twice in the same words.
  const groups = new Map<string, DiffKind[]>();
  for (const p of said) groups.set(p.text, [...(groups.get(p.text) ?? []), p.kind]);
  const phrases = [...groups].map(([text, kinds]) =>
    kinds.length > 1 ? `${text} (${listText(kinds.map((k) => KIND_NAME[k].toLowerCase()))})` : text,
  );
  if (phrases.length === 0) return 'No visible changes';
  if (phrases.length <= max + 1) return phrases.join('; ');
  // Many changes at once (a first import, a big re-plan): say how many of each.
  const s = shownCounts(diff);
  const counts = [
    s.published && `${plural(s.published, 'entry', 'entries')} published`,
    s.added && `${plural(s.added, 'entry', 'entries')} added`,
    s.removed && `${s.removed} removed`,
    s.changed && `${s.changed} changed${s.slipped ? ` (${s.slipped} slipped)` : ''}`,
  ].filter(Boolean);
  return counts.join(', ');
}

function changeVerb(entry: ChangedEntry): string {
  const types = entry.changes.map((c) => c.type);
  if (entry.changes.some(isSlip)) return 'slipped';
  const status = entry.changes.find((c) => c.type === 'status');
  if (status && status.type === 'status') return `is now ${label(status.to).toLowerCase()}`;
  if (types.includes('dates') || types.includes('horizon')) return 'moved';
  if (types.includes('keyResult')) return 'progress updated';
  if (types.includes('title')) return 'renamed';
  return 'updated';
}

export type RowTag = 'published' | 'made-public' | 'added' | 'removed' | 'changed';

export const ROW_TAG: Record<RowTag, string> = {
  published: 'Published',
  'made-public': 'Made public',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/** One line of a diff as pages and feeds list it. */
export interface DiffRow {
  tag: RowTag;
  ref: EntryRef;
  /** The entry exists at head (so a page of the head build can link to it). */
  present: boolean;
  /** What happened, after the entry's name; may be empty. */
  text: string;
}

/**
 * A diff as one list, in the order readers need it: what gets published first, then added,
 * removed and changed entries; each entry once (see `shownCounts`).
 */
export function diffRows(diff: RoadmapDiff): DiffRow[] {
  const published = new Set(diff.becamePublic.map(key));
  return [
    ...diff.becamePublic.map((e): DiffRow => ({
      tag: e.reason === 'made-public' ? 'made-public' : 'published',
      ref: e,
      present: true,
      text: e.reason === 'new' && diff.audience === 'internal' ? 'new, public' : '',
    })),
    ...diff.added
      .filter((e) => !published.has(key(e)))
      .map((e): DiffRow => ({ tag: 'added', ref: e, present: true, text: describePlacement(e) })),
    ...diff.removed.map((e): DiffRow => ({
      tag: 'removed',
      ref: e,
      present: false,
      text: e.item ? `was ${label(e.item.status)}` : '',
    })),
    ...diff.changed
      .filter((e) => !onlyPublished(e, published))
      .map((e): DiffRow => ({ tag: 'changed', ref: e, present: true, text: describeEntry(e) })),
  ];
}
