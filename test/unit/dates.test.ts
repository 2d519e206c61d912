import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  isIsoDate,
  toDate,
  toIso,
  todayUtc,
  utcDate,
} from '../../src/lib/model/dates.ts';

describe('the test run', () => {
  it('runs in a time zone far from UTC, with daylight saving, so local-time bugs show', () => {
    // Chatham is UTC+12:45 in winter and +13:45 in summer: a date read in local time
    // instead of UTC lands on another day.
    expect(process.env.TZ).toBe('Pacific/Chatham');
    expect(new Date('2026-01-01T00:00:00Z').getDate()).toBe(1);
    expect(new Date('2026-01-01T11:00:00Z').getDate()).toBe(2);
  });
});

describe('in a time zone behind UTC', () => {
  // Chatham is ahead of UTC, so a UTC midnight read with local getters still falls on the
  // same day there. Node re-reads TZ when it changes: run the same checks west of UTC too.
  const pinned = process.env.TZ;
  afterEach(() => {
    process.env.TZ = pinned;
  });

  it('formats, adds and writes dates on the same calendar day', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date('2026-01-01T00:00:00Z').getDate()).toBe(31); // the switch took effect
    expect(formatDate('2027-01-01')).toBe('1 Jan 2027');
    expect(toIso(toDate('2026-03-08'))).toBe('2026-03-08');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(todayUtc(new Date('2026-07-01T02:00:00Z'))).toBe('2026-07-01');
  });
});

describe('isIsoDate', () => {
  it.each([['2026-01-01'], ['2026-12-31'], ['2024-02-29'], ['2000-02-29'], ['2026-04-30']])(
    'accepts %s, a real calendar date',
    (text) => {
      expect(isIsoDate(text)).toBe(true);
    },
  );

  it.each([
    ['2026-02-30', 'February has no 30th'],
    ['2025-02-29', '2025 is not a leap year'],
    ['1900-02-29', 'a century is a leap year only when divisible by 400'],
    ['2026-04-31', 'April has 30 days'],
    ['2027-13-01', 'there is no month 13'],
    ['2026-00-10', 'there is no month 0'],
    ['2026-01-00', 'there is no day 0'],
    ['2026-01-32', 'no month has 32 days'],
  ])('rejects %s because %s', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it.each([
    ['2026-2-3'],
    ['2026-02-3'],
    ['26-02-03'],
    ['2026/02/03'],
    ['03-02-2026'],
    ['2026-02-03T00:00:00Z'],
    [' 2026-02-03'],
    ['2026-02-03 '],
    [''],
  ])('rejects %j, which is not written YYYY-MM-DD', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });
});

describe('toDate and toIso', () => {
  it('read a calendar date as UTC midnight and write it back unchanged', () => {
    expect(toDate('2026-09-27').toISOString()).toBe('2026-09-27T00:00:00.000Z');
    expect(toIso(toDate('2024-02-29'))).toBe('2024-02-29');
  });

  it('keep years below 100 as written rather than moving them to the 1900s', () => {
    expect(toIso(utcDate(99, 1, 1))).toBe('0099-01-01');
  });
});

describe('addDays', () => {
  it('crosses the end of a month', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('lands on February 29 in a leap year', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('crosses the end of a year, both ways', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('is not moved by daylight saving changes in the local time zone', () => {
    // Chatham daylight saving starts on 2026-09-27 and ends on 2026-04-05.
    expect(addDays('2026-09-26', 1)).toBe('2026-09-27');
    expect(addDays('2026-09-26', 2)).toBe('2026-09-28');
    expect(addDays('2026-04-04', 1)).toBe('2026-04-05');
    expect(addDays('2026-04-04', 2)).toBe('2026-04-06');
    expect(addDays('2026-04-06', -2)).toBe('2026-04-04');
  });

  it('returns the same date for zero days', () => {
    expect(addDays('2026-05-15', 0)).toBe('2026-05-15');
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative when the second date is earlier', () => {
    expect(daysBetween('2026-05-01', '2026-05-15')).toBe(14);
    expect(daysBetween('2026-05-15', '2026-05-01')).toBe(-14);
    expect(daysBetween('2026-05-15', '2026-05-15')).toBe(0);
  });

  it('counts across months and years, including leap days', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('counts whole days across daylight saving changes', () => {
    expect(daysBetween('2026-09-26', '2026-09-28')).toBe(2);
    expect(daysBetween('2026-04-04', '2026-04-06')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245);
  });

  it('undoes addDays', () => {
    for (const days of [-400, -1, 0, 1, 31, 59, 366, 1000]) {
      expect(daysBetween('2026-03-29', addDays('2026-03-29', days))).toBe(days);
    }
  });
});

describe('todayUtc', () => {
  it('is the UTC date, even where the local date has already moved on', () => {
    // 20:00 UTC on 30 June is already 1 July in Chatham.
    expect(todayUtc(new Date('2026-06-30T20:00:00Z'))).toBe('2026-06-30');
    expect(todayUtc(new Date('2026-07-01T00:00:00Z'))).toBe('2026-07-01');
  });
});

describe('formatDate', () => {
  it('writes the day, the short English month and the year: "3 Nov 2026"', () => {
    expect(formatDate('2026-11-03')).toBe('3 Nov 2026');
  });

  it('writes the first and the last day of a year on those days, whatever the local time zone', () => {
    expect(formatDate('2027-01-01')).toBe('1 Jan 2027');
    expect(formatDate('2026-12-31')).toBe('31 Dec 2026');
  });

  it('names every month', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDate(`2026-${String(i + 1).padStart(2, '0')}-15`));
    expect(months).toEqual([
      '15 Jan 2026',
      '15 Feb 2026',
      '15 Mar 2026',
      '15 Apr 2026',
      '15 May 2026',
      '15 Jun 2026',
      '15 Jul 2026',
      '15 Aug 2026',
      '15 Sep 2026',
      '15 Oct 2026',
      '15 Nov 2026',
      '15 Dec 2026',
    ]);
  });

  it('writes a leap day', () => {
    expect(formatDate('2024-02-29')).toBe('29 Feb 2024');
  });
});
