import { describe, expect, it } from 'vitest';
import { freshness, resolveContent } from '../../src/lib/model/resolve.ts';
import type { Content } from '../../src/lib/model/types.ts';
import { content, item, objective, site } from './helpers/content.ts';

describe('freshness', () => {
  it('counts an entry never reviewed as stale, with no age', () => {
    expect(freshness(null, '2026-05-15', 90)).toEqual({ stale: true, ageDays: null });
  });

  it('counts an entry reviewed exactly staleAfterDays ago as fresh, and one a day older as stale', () => {
    expect(freshness('2026-02-14', '2026-05-15', 90)).toEqual({ stale: false, ageDays: 90 });
    expect(freshness('2026-02-13', '2026-05-15', 90)).toEqual({ stale: true, ageDays: 91 });
  });

  it('counts an entry reviewed today as fresh, aged 0 days', () => {
    expect(freshness('2026-05-15', '2026-05-15', 90)).toEqual({ stale: false, ageDays: 0 });
  });
});

describe('resolveContent', () => {
  const TODAY = '2026-05-15';
  const CONTENT: Content = content({
    site: site({ fiscalYearStartMonth: 4, staleAfterDays: 30 }),
    roadmap: [
      item('by-quarter', { period: '2027-Q2' }),
      item('by-dates', { start: '2026-05-01', end: '2026-05-31', updated: '2026-05-01' }),
      item('pinned', { horizon: 'later', start: '2026-05-01', end: '2026-05-31' }),
    ],
    objectives: [objective('now', { period: '2027-Q1' }), objective('next', { period: '2027-Q2', status: 'dropped' })],
  });
  const resolved = resolveContent(CONTENT, TODAY);
  const itemOf = (id: string) => resolved.roadmap.find((i) => i.id === id)!;
  const objectiveOf = (id: string) => resolved.objectives.find((o) => o.id === id)!;

  it('carries today and the site settings', () => {
    expect(resolved.today).toBe(TODAY);
    expect(resolved.site).toBe(CONTENT.site);
  });

  it('expands a quarter to the first and last day of that fiscal quarter, keeping the quarter', () => {
    expect(itemOf('by-quarter')).toMatchObject({ period: '2027-Q2', start: '2026-07-01', end: '2026-09-30' });
  });

  it('keeps start and end as written when there is no quarter', () => {
    expect(itemOf('by-dates')).toMatchObject({ start: '2026-05-01', end: '2026-05-31' });
  });

  it('derives the horizon from the resolved dates and says whether it was given', () => {
    expect(itemOf('by-quarter')).toMatchObject({ horizon: 'next', horizonIsExplicit: false });
    expect(itemOf('by-dates')).toMatchObject({ horizon: 'now', horizonIsExplicit: false });
    expect(itemOf('pinned')).toMatchObject({ horizon: 'later', horizonIsExplicit: true });
  });

  it('marks every entry fresh or stale against the site’s staleAfterDays', () => {
    expect(itemOf('by-dates')).toMatchObject({ stale: false, ageDays: 14 });
    expect(itemOf('by-quarter')).toMatchObject({ stale: true, ageDays: null });
    expect(resolved.mission).toMatchObject({ stale: true, ageDays: null });
  });

  it('gives each objective its period’s dates and label in the fiscal calendar', () => {
    expect(objectiveOf('now')).toMatchObject({
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      periodLabel: 'FY27 Q1',
      current: true,
    });
    expect(objectiveOf('next')).toMatchObject({ periodLabel: 'FY27 Q2', current: false });
  });

  it('gives each key result and objective its progress', () => {
    expect(objectiveOf('now').progress).toBe(0.5);
    expect(objectiveOf('now').keyResults[0]!.progress).toBe(0.5);
  });

  it('keeps an explicit objective status and derives a missing one', () => {
    expect(objectiveOf('next')).toMatchObject({ status: 'dropped', statusIsExplicit: true });
    // 45 of 91 days gone, half done: on track.
    expect(objectiveOf('now')).toMatchObject({ status: 'on-track', statusIsExplicit: false });
  });

  it('throws on a period the loader should have rejected, rather than guessing', () => {
    const bad = content({ objectives: [objective('bad', { period: '2027-Q5' })] });
    expect(() => resolveContent(bad, TODAY)).toThrow(/2027-Q5/);
  });
});
