import { describe, expect, it } from 'vitest';
import { deriveHorizon } from '../../src/lib/model/horizon.ts';
import type { Horizon, RoadmapStatus } from '../../src/lib/model/types.ts';

/**
 * The fiscal year starts in February, so fiscal quarters are not calendar quarters:
 * with today = 2026-05-15 the current quarter is FY27 Q2 (2026-05-01..2026-07-31) and the
 * next one FY27 Q3 (2026-08-01..2026-10-31). A calendar-quarter bug would end "next" on
 * 2026-09-30 instead.
 */
const FEBRUARY = 2;
const TODAY = '2026-05-15';

interface ItemInput {
  horizon?: Horizon | null;
  status?: RoadmapStatus;
  start?: string | null;
  end?: string | null;
}

function horizonOf(item: ItemInput, today = TODAY, startMonth = FEBRUARY): Horizon | null {
  const start = item.start ?? null;
  return deriveHorizon(
    { horizon: item.horizon ?? null, status: item.status ?? 'planned', start, end: item.end ?? start },
    today,
    startMonth,
  );
}

describe('deriveHorizon', () => {
  describe('rule 1: an explicit horizon wins', () => {
    it.each(['now', 'next', 'later'] as const)('keeps an explicit %s whatever the dates say', (horizon) => {
      expect(horizonOf({ horizon, start: '2030-01-01' })).toBe(horizon);
      expect(horizonOf({ horizon, start: '2020-01-01' })).toBe(horizon);
    });

    it('keeps an explicit horizon even on a shipped, cancelled or paused item', () => {
      expect(horizonOf({ horizon: 'now', status: 'shipped' })).toBe('now');
      expect(horizonOf({ horizon: 'next', status: 'cancelled' })).toBe('next');
      expect(horizonOf({ horizon: 'now', status: 'paused' })).toBe('now');
    });
  });

  describe('rule 2: shipped and cancelled items have no horizon', () => {
    it.each(['shipped', 'cancelled'] as const)('gives a %s item null, dated or not', (status) => {
      expect(horizonOf({ status })).toBeNull();
      expect(horizonOf({ status, start: '2026-01-01', end: '2026-03-01' })).toBeNull();
      expect(horizonOf({ status, start: '2026-06-01' })).toBeNull();
    });
  });

  describe('rule 3: paused is later', () => {
    it('puts a paused item later even when it has started', () => {
      expect(horizonOf({ status: 'paused', start: '2026-01-01', end: '2026-12-31' })).toBe('later');
      expect(horizonOf({ status: 'paused', start: '2026-06-01' })).toBe('later');
      expect(horizonOf({ status: 'paused' })).toBe('later');
    });
  });

  describe('rule 4: in-progress is now', () => {
    it('puts an in-progress item now even when its dates lie in the future or it has none', () => {
      expect(horizonOf({ status: 'in-progress', start: '2027-06-01' })).toBe('now');
      expect(horizonOf({ status: 'in-progress' })).toBe('now');
    });
  });

  describe('rule 5: a dated item that has started by today is now', () => {
    it('puts an item starting today now', () => {
      expect(horizonOf({ start: TODAY })).toBe('now');
    });

    it('puts an item that started before today now, whether or not it has ended', () => {
      expect(horizonOf({ start: '2026-05-14' })).toBe('now');
      expect(horizonOf({ status: 'exploring', start: '2025-01-01', end: '2025-03-31' })).toBe('now');
    });
  });

  describe('rule 6: a start on or before the last day of the next fiscal quarter is next', () => {
    it('puts an item starting tomorrow next', () => {
      expect(horizonOf({ start: '2026-05-16' })).toBe('next');
    });

    it('puts an item starting later in the current quarter next', () => {
      expect(horizonOf({ start: '2026-07-31' })).toBe('next');
    });

    it('puts an item starting on the last day of the next fiscal quarter next', () => {
      expect(horizonOf({ start: '2026-10-31' })).toBe('next');
    });

    it('counts fiscal quarters, not calendar quarters', () => {
      // The calendar's next quarter would end on 2026-09-30.
      expect(horizonOf({ start: '2026-10-15' })).toBe('next');
      expect(horizonOf({ start: '2026-10-15' }, TODAY, 1)).toBe('later');
    });

    it('uses the quarter after the current one when today is the last day of a quarter', () => {
      // Today ends FY27 Q2; next is FY27 Q3, ending 2026-10-31.
      expect(horizonOf({ start: '2026-10-31' }, '2026-07-31')).toBe('next');
      expect(horizonOf({ start: '2026-11-01' }, '2026-07-31')).toBe('later');
    });

    it('reaches into the next fiscal year when the next quarter is its first', () => {
      // Fiscal year from October: 2026-08-20 is in FY26 Q4; next is FY27 Q1, ending 2026-12-31.
      expect(horizonOf({ start: '2026-12-31' }, '2026-08-20', 10)).toBe('next');
      expect(horizonOf({ start: '2027-01-01' }, '2026-08-20', 10)).toBe('later');
    });
  });

  describe('rule 7: any later start is later', () => {
    it('puts an item starting the day after the next fiscal quarter ends later', () => {
      expect(horizonOf({ start: '2026-11-01' })).toBe('later');
    });

    it('puts an item starting years ahead later', () => {
      expect(horizonOf({ start: '2030-01-01' })).toBe('later');
    });
  });

  describe('rule 8: an undated item is later', () => {
    it.each(['exploring', 'planned'] as const)('puts an undated %s item later', (status) => {
      expect(horizonOf({ status })).toBe('later');
    });
  });
});
