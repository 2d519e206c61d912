import { describe, expect, it } from 'vitest';
import {
  fiscalQuarterOf,
  fiscalYearOf,
  isWithin,
  nextQuarter,
  parsePeriod,
  periodLabel,
  quartersBetween,
} from '../../src/lib/model/fiscal.ts';

/** `2026-04-01..2026-06-30` for a period, so tables read like calendars. */
const span = (p: { start: string; end: string } | null) => (p ? `${p.start}..${p.end}` : null);

/** The quarter that `id` names, for tests that start from one. */
const quarter = (id: string, startMonth: number) => {
  const p = parsePeriod(id, startMonth);
  if (!p) throw new Error(`test setup: ${id} is not a period`);
  return p;
};

describe('parsePeriod', () => {
  it('names a fiscal year by the calendar year it ends in', () => {
    expect(parsePeriod('2027-Q1', 4)).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
  });

  it('describes the period it parsed: kind, fiscal year, index and the id as written', () => {
    expect(parsePeriod('2027-Q3', 4)).toEqual({
      kind: 'quarter',
      fiscalYear: 2027,
      index: 3,
      id: '2027-Q3',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(parsePeriod('2027-H2', 4)).toEqual({
      kind: 'half',
      fiscalYear: 2027,
      index: 2,
      id: '2027-H2',
      start: '2026-10-01',
      end: '2027-03-31',
    });
    expect(parsePeriod('2027', 4)).toEqual({
      kind: 'year',
      fiscalYear: 2027,
      index: 1,
      id: '2027',
      start: '2026-04-01',
      end: '2027-03-31',
    });
  });

  describe('when the fiscal year is the calendar year (start month 1)', () => {
    it.each([
      ['2027', '2027-01-01..2027-12-31'],
      ['2027-H1', '2027-01-01..2027-06-30'],
      ['2027-H2', '2027-07-01..2027-12-31'],
      ['2027-Q1', '2027-01-01..2027-03-31'],
      ['2027-Q2', '2027-04-01..2027-06-30'],
      ['2027-Q3', '2027-07-01..2027-09-30'],
      ['2027-Q4', '2027-10-01..2027-12-31'],
    ])('%s runs %s', (id, expected) => {
      expect(span(parsePeriod(id, 1))).toBe(expected);
    });
  });

  describe('when the fiscal year starts in February (start month 2)', () => {
    it.each([
      ['2027', '2026-02-01..2027-01-31'],
      ['2027-H1', '2026-02-01..2026-07-31'],
      ['2027-H2', '2026-08-01..2027-01-31'],
      ['2027-Q1', '2026-02-01..2026-04-30'],
      ['2027-Q2', '2026-05-01..2026-07-31'],
      ['2027-Q3', '2026-08-01..2026-10-31'],
      ['2027-Q4', '2026-11-01..2027-01-31'],
    ])('%s runs %s', (id, expected) => {
      expect(span(parsePeriod(id, 2))).toBe(expected);
    });
  });

  describe('when the fiscal year starts in April (start month 4)', () => {
    it.each([
      ['2027', '2026-04-01..2027-03-31'],
      ['2027-H1', '2026-04-01..2026-09-30'],
      ['2027-H2', '2026-10-01..2027-03-31'],
      ['2027-Q1', '2026-04-01..2026-06-30'],
      ['2027-Q2', '2026-07-01..2026-09-30'],
      ['2027-Q3', '2026-10-01..2026-12-31'],
      ['2027-Q4', '2027-01-01..2027-03-31'],
    ])('%s runs %s', (id, expected) => {
      expect(span(parsePeriod(id, 4))).toBe(expected);
    });
  });

  describe('when the fiscal year starts in October (start month 10)', () => {
    it.each([
      ['2027', '2026-10-01..2027-09-30'],
      ['2027-H1', '2026-10-01..2027-03-31'],
      ['2027-H2', '2027-04-01..2027-09-30'],
      ['2027-Q1', '2026-10-01..2026-12-31'],
      ['2027-Q2', '2027-01-01..2027-03-31'],
      ['2027-Q3', '2027-04-01..2027-06-30'],
      ['2027-Q4', '2027-07-01..2027-09-30'],
    ])('%s runs %s', (id, expected) => {
      expect(span(parsePeriod(id, 10))).toBe(expected);
    });
  });

  describe('in leap years', () => {
    it('ends a quarter that closes in February on the 29th', () => {
      // With a fiscal year starting in March, FY2024 ends on the last day of February 2024.
      expect(span(parsePeriod('2024-Q4', 3))).toBe('2023-12-01..2024-02-29');
      expect(span(parsePeriod('2024', 3))).toBe('2023-03-01..2024-02-29');
      expect(span(parsePeriod('2024-H2', 3))).toBe('2023-09-01..2024-02-29');
    });

    it('ends the same quarter on the 28th in a common year', () => {
      expect(span(parsePeriod('2025-Q4', 3))).toBe('2024-12-01..2025-02-28');
      expect(span(parsePeriod('2023-Q1', 12))).toBe('2022-12-01..2023-02-28');
    });

    it('keeps February 29 inside the quarter that holds February', () => {
      expect(span(parsePeriod('2024-Q1', 12))).toBe('2023-12-01..2024-02-29');
      expect(span(parsePeriod('2024-Q1', 2))).toBe('2023-02-01..2023-04-30');
      expect(span(parsePeriod('2025-Q1', 2))).toBe('2024-02-01..2024-04-30');
    });
  });

  it.each([
    ['2027-Q5'],
    ['2027-Q0'],
    ['2027-H3'],
    ['2027-H0'],
    ['2027-q1'],
    ['2027Q1'],
    ['27-Q1'],
    ['FY27'],
    ['FY2027-Q1'],
    ['2027-01'],
    ['2027-Q1 '],
    [' 2027'],
    [''],
  ])('returns null for %j, which is not a period', (text) => {
    expect(parsePeriod(text, 4)).toBeNull();
  });
});

describe('fiscalYearOf', () => {
  it('is the calendar year when the fiscal year starts in January', () => {
    expect(fiscalYearOf('2026-01-01', 1)).toBe(2026);
    expect(fiscalYearOf('2026-12-31', 1)).toBe(2026);
  });

  it('moves to the next fiscal year on the first day of the start month', () => {
    expect(fiscalYearOf('2026-03-31', 4)).toBe(2026);
    expect(fiscalYearOf('2026-04-01', 4)).toBe(2027);
    expect(fiscalYearOf('2027-01-31', 2)).toBe(2027);
    expect(fiscalYearOf('2027-02-01', 2)).toBe(2028);
  });
});

describe('fiscalQuarterOf', () => {
  it.each([
    // [date, fiscal year start month, quarter id, quarter span]
    ['2026-01-01', 1, '2026-Q1', '2026-01-01..2026-03-31'],
    ['2026-12-31', 1, '2026-Q4', '2026-10-01..2026-12-31'],
    ['2026-03-31', 4, '2026-Q4', '2026-01-01..2026-03-31'],
    ['2026-04-01', 4, '2027-Q1', '2026-04-01..2026-06-30'],
    ['2026-12-31', 4, '2027-Q3', '2026-10-01..2026-12-31'],
    ['2027-01-01', 4, '2027-Q4', '2027-01-01..2027-03-31'],
    ['2027-01-31', 2, '2027-Q4', '2026-11-01..2027-01-31'],
    ['2027-02-01', 2, '2028-Q1', '2027-02-01..2027-04-30'],
    ['2026-09-30', 10, '2026-Q4', '2026-07-01..2026-09-30'],
    ['2026-10-01', 10, '2027-Q1', '2026-10-01..2026-12-31'],
    ['2024-02-29', 3, '2024-Q4', '2023-12-01..2024-02-29'],
    ['2024-02-29', 1, '2024-Q1', '2024-01-01..2024-03-31'],
  ] as const)('puts %s in %s when the fiscal year starts in month %i', (date, startMonth, id, expected) => {
    const q = fiscalQuarterOf(date, startMonth);
    expect(q.kind).toBe('quarter');
    expect(q.id).toBe(id);
    expect(span(q)).toBe(expected);
  });

  it('gives the same quarter as parsing its id', () => {
    expect(fiscalQuarterOf('2026-08-15', 4)).toEqual(parsePeriod('2027-Q2', 4));
  });
});

describe('nextQuarter', () => {
  it('steps to the following quarter within a fiscal year', () => {
    expect(nextQuarter(quarter('2027-Q1', 4), 4)).toEqual(parsePeriod('2027-Q2', 4));
  });

  it('steps from Q4 into Q1 of the next fiscal year', () => {
    expect(nextQuarter(quarter('2027-Q4', 4), 4)).toMatchObject({
      id: '2028-Q1',
      start: '2027-04-01',
      end: '2027-06-30',
    });
    expect(nextQuarter(quarter('2026-Q4', 1), 1)).toMatchObject({
      id: '2027-Q1',
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(nextQuarter(quarter('2027-Q4', 2), 2)).toMatchObject({
      id: '2028-Q1',
      start: '2027-02-01',
      end: '2027-04-30',
    });
  });

  it('starts the day after the given quarter ends', () => {
    expect(nextQuarter(quarter('2026-Q4', 10), 10)).toMatchObject({ id: '2027-Q1', start: '2026-10-01' });
  });
});

describe('quartersBetween', () => {
  const ids = (list: { id: string }[]) => list.map((q) => q.id);

  it('lists every fiscal quarter a span touches, in order', () => {
    expect(ids(quartersBetween('2026-05-15', '2026-11-02', 4))).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
  });

  it('crosses the fiscal year boundary', () => {
    expect(ids(quartersBetween('2027-02-10', '2027-04-01', 4))).toEqual(['2027-Q4', '2028-Q1']);
  });

  it('gives one quarter for a span inside a single quarter', () => {
    expect(ids(quartersBetween('2026-04-02', '2026-06-29', 4))).toEqual(['2027-Q1']);
    expect(ids(quartersBetween('2026-05-01', '2026-05-01', 4))).toEqual(['2027-Q1']);
  });

  it('includes a quarter the span reaches only on its first day, and not one it stops just short of', () => {
    expect(ids(quartersBetween('2026-04-01', '2026-07-01', 4))).toEqual(['2027-Q1', '2027-Q2']);
    expect(ids(quartersBetween('2026-04-01', '2026-06-30', 4))).toEqual(['2027-Q1']);
  });

  it('counts a whole fiscal year as four quarters', () => {
    expect(ids(quartersBetween('2026-10-01', '2027-09-30', 10))).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });
});

describe('periodLabel', () => {
  it('writes "2027 Q1" when the fiscal year is the calendar year', () => {
    expect(periodLabel(quarter('2027-Q1', 1), 1)).toBe('2027 Q1');
    expect(periodLabel(quarter('2027-H2', 1), 1)).toBe('2027 H2');
    expect(periodLabel(quarter('2027', 1), 1)).toBe('2027');
  });

  it('writes "FY27 Q1" when the fiscal year is not the calendar year, so nobody reads it as January to March', () => {
    expect(periodLabel(quarter('2027-Q1', 4), 4)).toBe('FY27 Q1');
    expect(periodLabel(quarter('2027-Q4', 10), 10)).toBe('FY27 Q4');
    expect(periodLabel(quarter('2030-Q2', 2), 2)).toBe('FY30 Q2');
  });

  it('writes halves as "FY27 H1"', () => {
    expect(periodLabel(quarter('2027-H1', 4), 4)).toBe('FY27 H1');
    expect(periodLabel(quarter('2027-H2', 10), 10)).toBe('FY27 H2');
  });

  it('writes a whole fiscal year with all four digits, "FY2027"', () => {
    expect(periodLabel(quarter('2027', 4), 4)).toBe('FY2027');
  });
});

describe('isWithin', () => {
  const q = { start: '2026-04-01', end: '2026-06-30' };

  it('includes the first and the last day of a period', () => {
    expect(isWithin('2026-04-01', q)).toBe(true);
    expect(isWithin('2026-06-30', q)).toBe(true);
  });

  it('excludes the day before and the day after', () => {
    expect(isWithin('2026-03-31', q)).toBe(false);
    expect(isWithin('2026-07-01', q)).toBe(false);
  });
});
