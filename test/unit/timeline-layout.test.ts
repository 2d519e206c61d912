import { describe, expect, it } from 'vitest';
import {
  type TimelineInput,
  type TimelineItem,
  layoutTimeline,
  textWidth,
  wrapText,
} from '../../src/lib/timeline/layout.ts';
import { parsePeriod } from '../../src/lib/model/fiscal.ts';

const item = (
  id: string,
  theme: string,
  start: string,
  end: string,
  extra: Partial<TimelineItem> = {},
): TimelineItem => ({
  id,
  title: `Item ${id}`,
  theme,
  status: 'planned',
  confidence: null,
  start,
  end,
  href: `/roadmap/${id}/`,
  ...extra,
});

const input = (items: TimelineItem[], over: Partial<TimelineInput> = {}): TimelineInput => ({
  items,
  themes: [
    { id: 'Trust', color: '#2f6fed' },
    { id: 'Speed', color: '#c2410c' },
  ],
  milestones: [],
  dependencies: [],
  today: '2026-11-21',
  fiscalYearStartMonth: 1,
  ...over,
});

/** A busy lane: overlapping items, long titles, items ending where others start. */
const crowded = [
  item('a', 'Trust', '2026-10-01', '2026-12-31', { title: 'A very long title that will not fit inside its short bar' }),
  item('b', 'Trust', '2026-10-15', '2026-11-15'),
  item('c', 'Trust', '2026-11-01', '2027-03-31'),
  item('d', 'Trust', '2027-01-01', '2027-01-10', { title: 'Tiny' }),
  item('e', 'Trust', '2026-12-31', '2027-02-01'),
  item('f', 'Speed', '2027-02-01', '2027-06-30'),
  item('g', 'Speed', '2027-06-30', '2027-09-30', { title: 'Ends the timeline with a long label' }),
];

describe('wrapping titles', () => {
  it('breaks between words and keeps every word', () => {
    const lines = wrapText('Make the build twice as fast for the largest workspaces', 120, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Make the build twice as fast for the largest workspaces');
  });

  it('breaks a word longer than a line where it must', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', 60, 13);
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(60);
  });
});

describe('timeline layout', () => {
  it('gives every item a row of its own, so no two bars or titles share a line', () => {
    const layout = layoutTimeline(input(crowded));
    const rows = layout.bars.map((b) => [b.rowY, b.rowY + b.rowHeight] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]![0]).toBeGreaterThanOrEqual(rows[i - 1]![1]);
  });

  it('keeps every bar inside the axis', () => {
    const layout = layoutTimeline(input(crowded));
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.x0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.x1 + 0.01);
    }
  });

  it('shows a long title whole, wrapped onto more lines within the label column, and grows its row', () => {
    const title =
      'Getting Rust for Linux into stable Rust: the compiler features the kernel needs, first for tier-one targets';
    const layout = layoutTimeline(input([item('long', 'Trust', '2027-01-01', '2027-01-20', { title })]));
    const bar = layout.bars[0]!;
    expect(bar.label.lines.length).toBeGreaterThan(1);
    expect(bar.label.lines.join(' ')).toBe(title);
    for (const line of bar.label.lines) expect(bar.label.x + textWidth(line, 13)).toBeLessThanOrEqual(layout.plot.x0);
    expect(bar.rowHeight).toBeGreaterThanOrEqual(bar.label.lines.length * bar.label.lineHeight);
  });

  it('never puts a title in the time columns, where it would read as another quarter’s work', () => {
    const layout = layoutTimeline(input(crowded));
    for (const bar of layout.bars) {
      for (const line of bar.label.lines) expect(bar.label.x + textWidth(line, 13)).toBeLessThanOrEqual(layout.plot.x0);
    }
  });

  it('shows a long theme name whole in its lane’s heading', () => {
    const theme = 'Unblocking dormant contributors and the reviewers who mentor them';
    const layout = layoutTimeline(
      input([item('a', theme, '2027-01-01', '2027-02-01')], { themes: [{ id: theme, color: '#2d6be8' }] }),
    );
    expect(layout.lanes[0]!.label.lines.join(' ')).toBe(theme);
  });

  it('orders lanes as the themes are declared, with undeclared themes after them by name', () => {
    const layout = layoutTimeline(
      input([
        item('a', 'Zeta', '2027-01-01', '2027-02-01'),
        item('b', 'Alpha', '2027-01-01', '2027-02-01'),
        item('c', 'Speed', '2027-01-01', '2027-02-01'),
      ]),
    );
    expect(layout.lanes.map((l) => l.theme)).toEqual(['Speed', 'Alpha', 'Zeta']);
  });

  it.each([1, 2, 4, 10])('puts ticks on fiscal quarter boundaries when the fiscal year starts in month %i', (month) => {
    const layout = layoutTimeline(input(crowded, { fiscalYearStartMonth: month }));
    for (const band of layout.bands) {
      expect(parsePeriod(band.quarter.id, month)!.start).toBe(band.quarter.start);
      const monthOfYear = Number(band.quarter.start.slice(5, 7));
      expect((monthOfYear - month + 12) % 3).toBe(0);
      expect(band.quarter.start.endsWith('-01')).toBe(true);
    }
    expect(layout.ticks.filter((t) => t.yearStart).every((t) => Number(t.date.slice(5, 7)) === month)).toBe(true);
  });

  it('labels quarters FY27 Q4 style for a non-January fiscal year and 2027 Q1 style otherwise', () => {
    const april = layoutTimeline(
      input([item('a', 'Trust', '2027-01-01', '2027-03-31')], { fiscalYearStartMonth: 4, today: '2027-02-01' }),
    );
    expect(april.bands.map((b) => b.label)).toEqual(['FY27 Q4']);
    const january = layoutTimeline(input([item('a', 'Trust', '2027-01-01', '2027-03-31')], { today: '2027-02-01' }));
    expect(january.bands.map((b) => b.label)).toEqual(['2027 Q1']);
  });

  it('draws an item spanning a fiscal-year boundary as one bar across it', () => {
    const layout = layoutTimeline(
      input([item('a', 'Trust', '2027-02-15', '2027-05-15')], { fiscalYearStartMonth: 4, today: '2027-03-01' }),
    );
    expect(layout.bands.map((b) => b.label)).toEqual(['FY27 Q4', 'FY28 Q1']);
    const bar = layout.bars[0]!;
    const boundary = layout.ticks.find((t) => t.date === '2027-04-01')!;
    expect(boundary.yearStart).toBe(true);
    expect(bar.x).toBeLessThan(boundary.x);
    expect(bar.x + bar.width).toBeGreaterThan(boundary.x);
  });

  it('marks today inside the axis, and leaves it out when today is outside', () => {
    const layout = layoutTimeline(input(crowded));
    expect(layout.today!.x).toBeGreaterThan(layout.plot.x0);
    expect(layout.today!.x).toBeLessThan(layout.plot.x1);
  });

  it('gives milestones their own lane above the themes', () => {
    const layout = layoutTimeline(input(crowded, { milestones: [{ title: 'Beta', date: '2027-01-15' }] }));
    expect(layout.milestoneLane!.y).toBeLessThan(layout.lanes[0]!.y);
    expect(layout.milestones[0]!.x).toBeGreaterThan(layout.plot.x0);
  });

  it('flags an item that starts before something it depends on ends, and connects the two', () => {
    const layout = layoutTimeline(
      input(
        [
          item('base', 'Trust', '2027-01-01', '2027-03-31'),
          item('early', 'Speed', '2027-03-01', '2027-04-30'),
          item('late', 'Speed', '2027-05-01', '2027-06-30'),
        ],
        {
          dependencies: [
            { from: 'early', to: 'base' },
            { from: 'late', to: 'base' },
          ],
        },
      ),
    );
    expect(layout.bars.find((b) => b.id === 'early')!.conflict).toBe(true);
    expect(layout.bars.find((b) => b.id === 'late')!.conflict).toBe(false);
    expect(layout.connectors.map((c) => [c.from, c.to, c.conflict])).toEqual([
      ['early', 'base', true],
      ['late', 'base', false],
    ]);
  });

  it('draws a dependency between near rows as a line, and marks a far one at both ends with one number', () => {
    const near = layoutTimeline(
      input([item('base', 'Trust', '2027-01-01', '2027-02-28'), item('next', 'Trust', '2027-04-01', '2027-05-30')], {
        dependencies: [{ from: 'next', to: 'base' }],
      }),
    );
    expect(near.connectors[0]!.kind).toBe('line');
    const many = Array.from({ length: 8 }, (_, i) => item(`m${i}`, 'Trust', '2027-01-02', '2027-06-30'));
    const far = layoutTimeline(
      input(
        [item('base', 'Trust', '2027-01-01', '2027-02-28'), ...many, item('last', 'Speed', '2027-04-01', '2027-05-30')],
        {
          dependencies: [{ from: 'last', to: 'base' }],
        },
      ),
    );
    const c = far.connectors[0]!;
    expect(c.kind).toBe('ends');
    expect(c.number).toBe(1);
    expect(c.marks).toHaveLength(2);
  });

  it('gives the same geometry for the same input', () => {
    expect(JSON.stringify(layoutTimeline(input(crowded)))).toBe(
      JSON.stringify(layoutTimeline(input([...crowded].reverse()))),
    );
  });
});
