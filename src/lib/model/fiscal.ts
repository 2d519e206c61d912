import { utcMonth } from 'd3-time';
import { type IsoDate, addDays, toDate, toIso, utcDate } from './dates.ts';

/** A fiscal year, half or quarter, named by the calendar year the fiscal year ends in. */
export interface FiscalPeriod {
  kind: 'year' | 'half' | 'quarter';
  fiscalYear: number;
  /** 1..4 for quarters, 1..2 for halves, 1 for a year. */
  index: number;
  /** As authors write it: `2027-Q1`, `2027-H2`, `2027`. */
  id: string;
  start: IsoDate;
  end: IsoDate;
}

const PERIOD = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

/** The first day of fiscal year `fiscalYear`: with a start month of 4, FY2027 starts 2026-04-01. */
export function fiscalYearStart(fiscalYear: number, startMonth: number): Date {
  return startMonth === 1 ? utcDate(fiscalYear, 1, 1) : utcDate(fiscalYear - 1, startMonth, 1);
}

function period(kind: FiscalPeriod['kind'], fiscalYear: number, index: number, startMonth: number): FiscalPeriod {
  const months = kind === 'year' ? 12 : kind === 'half' ? 6 : 3;
  const first = utcMonth.offset(fiscalYearStart(fiscalYear, startMonth), months * (index - 1));
  const next = utcMonth.offset(first, months);
  const id = kind === 'year' ? String(fiscalYear) : `${fiscalYear}-${kind === 'half' ? 'H' : 'Q'}${index}`;
  return { kind, fiscalYear, index, id, start: toIso(first), end: addDays(toIso(next), -1) };
}

/** Parses `YYYY`, `YYYY-Hn` or `YYYY-Qn`; null for anything else. */
export function parsePeriod(text: string, startMonth: number): FiscalPeriod | null {
  const match = PERIOD.exec(text);
  if (!match) return null;
  const fiscalYear = Number(match[1]);
  const part = match[2];
  if (!part) return period('year', fiscalYear, 1, startMonth);
  return period(part[0] === 'H' ? 'half' : 'quarter', fiscalYear, Number(part[1]), startMonth);
}

export function fiscalYearOf(date: IsoDate, startMonth: number): number {
  const d = toDate(date);
  const year = d.getUTCFullYear();
  if (startMonth === 1) return year;
  return d.getUTCMonth() + 1 >= startMonth ? year + 1 : year;
}

export function fiscalQuarterOf(date: IsoDate, startMonth: number): FiscalPeriod {
  const fiscalYear = fiscalYearOf(date, startMonth);
  const monthsIn = (toDate(date).getUTCMonth() + 1 - startMonth + 12) % 12;
  return period('quarter', fiscalYear, Math.floor(monthsIn / 3) + 1, startMonth);
}

export function nextQuarter(quarter: FiscalPeriod, startMonth: number): FiscalPeriod {
  return fiscalQuarterOf(addDays(quarter.end, 1), startMonth);
}

/** Fiscal quarters touched by the span from `start` to `end`, in order. */
export function quartersBetween(start: IsoDate, end: IsoDate, startMonth: number): FiscalPeriod[] {
  const quarters: FiscalPeriod[] = [];
  for (let q = fiscalQuarterOf(start, startMonth); q.start <= end; q = nextQuarter(q, startMonth)) {
    quarters.push(q);
  }
  return quarters;
}

/**
 * How people name a period: `2027 Q1` when the fiscal year is the calendar year,
 * `FY27 Q1` when it is not (so nobody mistakes it for January to March).
 */
export function periodLabel(p: FiscalPeriod, startMonth: number): string {
  const year = startMonth === 1 ? String(p.fiscalYear) : `FY${String(p.fiscalYear).slice(-2)}`;
  if (p.kind === 'year') return startMonth === 1 ? year : `FY${p.fiscalYear}`;
  return `${year} ${p.kind === 'half' ? 'H' : 'Q'}${p.index}`;
}

export function isWithin(date: IsoDate, p: { start: IsoDate; end: IsoDate }): boolean {
  return date >= p.start && date <= p.end;
}
