import { summarizeDiff } from './diff.ts';
import type { Change, EntryRef, RoadmapDiff } from './types.ts';

/**
 * A diff with every trace of some entries taken out: their rows, and their names in other
 * entries' changes (kept as counts, like the views keep hidden references). A public build
 * applies it for the entries that are internal *now*: an entry that was public once and is
 * internal today has no history on the public site, not even its public past.
 */
export function redactDiff(diff: RoadmapDiff, hidden: (ref: EntryRef) => boolean): RoadmapDiff {
  const shown = <T extends EntryRef>(list: T[]) => list.filter((e) => !hidden(e));
  const changed = shown(diff.changed)
    .map((entry) => ({ ...entry, changes: entry.changes.flatMap((c) => redactChange(c, hidden)) }))
    .filter((entry) => entry.changes.length > 0);
  const result = {
    ...diff,
    becamePublic: shown(diff.becamePublic),
    added: shown(diff.added),
    removed: shown(diff.removed),
    changed,
  };
  return { ...result, summary: summarizeDiff(result) };
}

function redactChange(change: Change, hidden: (ref: EntryRef) => boolean): Change[] {
  switch (change.type) {
    case 'dependencies':
    case 'objectives': {
      const added = change.added.filter((r) => !hidden(r));
      const removed = change.removed.filter((r) => !hidden(r));
      const hiddenTo = change.hiddenTo + (change.added.length - added.length);
      const hiddenFrom = change.hiddenFrom + (change.removed.length - removed.length);
      if (!added.length && !removed.length && hiddenFrom === hiddenTo) return [];
      return [{ ...change, added, removed, hiddenFrom, hiddenTo }];
    }
    case 'parent': {
      const from = change.from && !hidden(change.from) ? change.from : null;
      const to = change.to && !hidden(change.to) ? change.to : null;
      return from === null && to === null ? [] : [{ ...change, from, to }];
    }
    default:
      return [change];
  }
}
