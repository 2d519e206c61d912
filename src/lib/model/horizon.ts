import type { IsoDate } from './dates.ts';
import { fiscalQuarterOf, nextQuarter } from './fiscal.ts';
import type { Horizon, RoadmapStatus } from './types.ts';

/** An item's start and end after a `quarter` has been expanded to its first and last day. */
export interface ResolvedTime {
  start: IsoDate | null;
  end: IsoDate | null;
}

/**
 * The spec's horizon rules, in order: an explicit horizon wins; shipped and cancelled have
 * none; paused is later; in-progress is now; a dated item that has started by today is now;
 * one starting on or before the last day of the next fiscal quarter is next; any later start
 * is later; an undated item is later.
 */
export function deriveHorizon(
  item: { horizon: Horizon | null; status: RoadmapStatus } & ResolvedTime,
  today: IsoDate,
  fiscalYearStartMonth: number,
): Horizon | null {
  if (item.horizon) return item.horizon;
  if (item.status === 'shipped' || item.status === 'cancelled') return null;
  if (item.status === 'paused') return 'later';
  if (item.status === 'in-progress') return 'now';
  if (!item.start) return 'later';
  if (item.start <= today) return 'now';
  const nextEnds = nextQuarter(fiscalQuarterOf(today, fiscalYearStartMonth), fiscalYearStartMonth).end;
  return item.start <= nextEnds ? 'next' : 'later';
}
