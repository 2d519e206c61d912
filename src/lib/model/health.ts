import { type Alignment, alignment } from './alignment.ts';
import { type SiteView, pageEntries } from './audience.ts';
import type { IsoDate } from './dates.ts';
import { type DriftFlag, driftFlags } from './drift.ts';
import type { Freshness } from './resolve.ts';
import type { EntryBase, EntryKind, Visibility } from './types.ts';

/**
 * The health of a roadmap: entries nobody has reviewed lately, drift flags and alignment gaps.
 * Pure; computed from a view, so the internal /health/ page and `npm run check` (internal
 * view) see everything, and a public page built from it could only ever see public entries.
 */

export interface StaleEntry {
  kind: EntryKind;
  id: string;
  title: string;
  /** Path inside the content folder. */
  file: string;
  visibility: Visibility;
  /** Null when the entry has never been reviewed (no `updated`). */
  updated: IsoDate | null;
  ageDays: number | null;
}

/**
 * Every stale entry of the view, never-reviewed first, then the oldest review first. Backlog
 * items count only when an `updated` they carry is too old (see `resolveContent`).
 */
export function staleEntries(view: SiteView): StaleEntry[] {
  const entries: (EntryBase & Freshness)[] = [...pageEntries(view), ...view.backlog];
  return entries
    .filter((e) => e.stale)
    .map((e) => ({
      kind: e.kind,
      id: e.id,
      title: e.title,
      file: e.file,
      visibility: e.visibility,
      updated: e.updated,
      ageDays: e.ageDays,
    }))
    .sort(
      (a, b) =>
        (b.ageDays ?? Number.POSITIVE_INFINITY) - (a.ageDays ?? Number.POSITIVE_INFINITY) ||
        a.file.localeCompare(b.file, 'en') ||
        a.id.localeCompare(b.id, 'en'),
    );
}

export interface HealthReport {
  today: IsoDate;
  staleAfterDays: number;
  drift: DriftFlag[];
  stale: StaleEntry[];
  alignment: Alignment;
}

export function healthReport(view: SiteView): HealthReport {
  return {
    today: view.today,
    staleAfterDays: view.site.staleAfterDays,
    drift: driftFlags(view),
    stale: staleEntries(view),
    alignment: alignment(view),
  };
}
