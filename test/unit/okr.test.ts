import { describe, expect, it } from 'vitest';
import {
  AT_RISK_SLACK,
  ON_TRACK_SLACK,
  deriveObjectiveStatus,
  elapsedFraction,
  keyResultProgress,
  objectiveProgress,
} from '../../src/lib/model/okr.ts';

const kr = (start: number, target: number, current: number | null) => ({
  kind: 'measured' as const,
  start,
  target,
  current,
});
const milestone = (done: boolean) => ({ kind: 'milestone' as const, done });

describe('keyResultProgress', () => {
  it('is null for a measured key result with no current value yet', () => {
    expect(keyResultProgress(kr(0, 100, null))).toBeNull();
  });

  it('is 1 for a done milestone and 0 for one not done', () => {
    expect(keyResultProgress(milestone(true))).toBe(1);
    expect(keyResultProgress(milestone(false))).toBe(0);
  });

  it('is the share of the way from start to target', () => {
    expect(keyResultProgress(kr(0, 100, 40))).toBe(0.4);
    expect(keyResultProgress(kr(20, 120, 70))).toBe(0.5);
  });

  it('is 0 at the start and 1 at the target', () => {
    expect(keyResultProgress(kr(10, 50, 10))).toBe(0);
    expect(keyResultProgress(kr(10, 50, 50))).toBe(1);
  });

  it('measures a falling target: churn from 5% to 3%, now 4%, is half way', () => {
    expect(keyResultProgress(kr(5, 3, 4))).toBe(0.5);
    expect(keyResultProgress(kr(5, 3, 3))).toBe(1);
  });

  it('clamps to 0 when the value has moved away from the target', () => {
    expect(keyResultProgress(kr(0, 100, -10))).toBe(0);
    expect(keyResultProgress(kr(5, 3, 6))).toBe(0);
  });

  it('clamps to 1 when the value has gone past the target', () => {
    expect(keyResultProgress(kr(0, 100, 150))).toBe(1);
    expect(keyResultProgress(kr(5, 3, 2))).toBe(1);
  });
});

describe('objectiveProgress', () => {
  it('is the mean of its key results’ progress', () => {
    expect(objectiveProgress([kr(0, 100, 40), kr(5, 3, 4), kr(0, 10, 0)])).toBeCloseTo(0.3, 10);
  });

  it('clamps each key result before averaging, so one overshoot cannot make up for another’s shortfall', () => {
    expect(objectiveProgress([kr(0, 100, 300), kr(0, 100, 0)])).toBe(0.5);
  });

  it('is null (not measured) with no key results', () => {
    expect(objectiveProgress([])).toBeNull();
  });

  it('leaves key results that are not measured yet out of the mean', () => {
    expect(objectiveProgress([kr(0, 100, 40), kr(0, 10, null)])).toBe(0.4);
  });

  it('is null when no key result is measured yet', () => {
    expect(objectiveProgress([kr(0, 100, null), kr(5, 3, null)])).toBeNull();
  });

  it('counts a done milestone as 1 and an open one as 0, next to measured key results', () => {
    expect(objectiveProgress([milestone(true), milestone(false), kr(0, 100, 50)])).toBe(0.5);
  });
});

describe('elapsedFraction', () => {
  // Ten days, so each day is a tenth.
  const period = { start: '2026-01-01', end: '2026-01-10' };

  it('is 0 before the period starts', () => {
    expect(elapsedFraction(period, '2025-12-31')).toBe(0);
  });

  it('counts today as passed: the first day is the first tenth', () => {
    expect(elapsedFraction(period, '2026-01-01')).toBe(0.1);
    expect(elapsedFraction(period, '2026-01-05')).toBe(0.5);
  });

  it('is 1 on the last day and after it', () => {
    expect(elapsedFraction(period, '2026-01-10')).toBe(1);
    expect(elapsedFraction(period, '2027-01-01')).toBe(1);
  });

  it('counts days in UTC across a daylight saving change', () => {
    // A quarter of 91 days with the Chatham clock change on 2026-04-05 in it.
    expect(elapsedFraction({ start: '2026-04-01', end: '2026-06-30' }, '2026-04-07')).toBe(7 / 91);
  });
});

describe('deriveObjectiveStatus', () => {
  const period = { start: '2026-01-01', end: '2026-01-10' };
  const halfway = '2026-01-05'; // elapsed 0.5

  it('uses slacks of 10 and 25 points', () => {
    expect(ON_TRACK_SLACK).toBe(0.1);
    expect(AT_RISK_SLACK).toBe(0.25);
  });

  it('is achieved once progress reaches 1, before, during or after the period', () => {
    expect(deriveObjectiveStatus(1, period, '2025-12-01')).toBe('achieved');
    expect(deriveObjectiveStatus(1, period, halfway)).toBe('achieved');
    expect(deriveObjectiveStatus(1, period, '2026-02-01')).toBe('achieved');
  });

  it('is missed after the period ends short of the target', () => {
    expect(deriveObjectiveStatus(0.99, period, '2026-01-11')).toBe('missed');
    expect(deriveObjectiveStatus(0, period, '2027-01-01')).toBe('missed');
  });

  it('is not yet missed on the last day of the period', () => {
    expect(deriveObjectiveStatus(0.95, period, '2026-01-10')).toBe('on-track');
    expect(deriveObjectiveStatus(0.5, period, '2026-01-10')).toBe('off-track');
  });

  it('is on track before the period starts', () => {
    expect(deriveObjectiveStatus(0, period, '2025-12-31')).toBe('on-track');
  });

  it('is on track when progress keeps up with the time elapsed, or runs ahead of it', () => {
    expect(deriveObjectiveStatus(0.5, period, halfway)).toBe('on-track');
    expect(deriveObjectiveStatus(0.9, period, halfway)).toBe('on-track');
  });

  it('is on track up to 10 points behind the time elapsed', () => {
    expect(deriveObjectiveStatus(0.45, period, halfway)).toBe('on-track');
    expect(deriveObjectiveStatus(0.4, period, halfway)).toBe('on-track');
  });

  it('is at risk from just over 10 up to 25 points behind', () => {
    expect(deriveObjectiveStatus(0.39, period, halfway)).toBe('at-risk');
    expect(deriveObjectiveStatus(0.3, period, halfway)).toBe('at-risk');
    expect(deriveObjectiveStatus(0.25, period, halfway)).toBe('at-risk');
  });

  it('is off track more than 25 points behind', () => {
    expect(deriveObjectiveStatus(0.24, period, halfway)).toBe('off-track');
    expect(deriveObjectiveStatus(0, period, halfway)).toBe('off-track');
  });

  // Regression: `elapsed - progress` was compared with the slack in floating point, so being
  // exactly 10 points behind counted as on track at 0.5 - 0.4 but as at risk at 0.8 - 0.7
  // (= 0.10000000000000009) and at 0.4 - 0.3 (= 0.10000000000000003).
  it('counts 7 of 10 done on day 8 of 10 (exactly 10 points behind) as on track', () => {
    const progress = keyResultProgress(kr(0, 10, 7)); // 0.7
    expect(deriveObjectiveStatus(progress, period, '2026-01-08')).toBe('on-track'); // elapsed 0.8
  });

  it('counts 3 of 10 done on day 4 of 10 (exactly 10 points behind) as on track', () => {
    const progress = keyResultProgress(kr(0, 10, 3)); // 0.3
    expect(deriveObjectiveStatus(progress, period, '2026-01-04')).toBe('on-track'); // elapsed 0.4
  });

  it('counts exactly 25 points behind as at risk', () => {
    expect(deriveObjectiveStatus(0.55, period, '2026-01-08')).toBe('at-risk');
    expect(deriveObjectiveStatus(0.05, period, '2026-01-03')).toBe('at-risk');
  });
});
