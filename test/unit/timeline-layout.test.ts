import { describe, expect, it } from 'vitest';
import { type TimelineInput, type TimelineItem, layoutTimeline, textWidth } from '../../src/lib/timeline/layout.ts';
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

type Box = { x0: number; x1: number; y0: number; y1: number; id: string };
function boxes(layout: ReturnType<typeof layoutTimeline>): Box[] {
  return layout.bars.flatMap((bar) => {
    const w = textWidth(bar.label.text, 13);
    const labelX0 = bar.label.anchor === 'start' ? bar.label.x : bar.label.x - w;
    return [
      { id: `${bar.id} bar`, x0: bar.x, x1: bar.x + bar.width, y0: bar.y, y1: bar.y + bar.height },
      ...(bar.label.inside
        ? []
        : [{ id: `${bar.id} label`, x0: labelX0, x1: labelX0 + w, y0: bar.y, y1: bar.y + bar.height }]),
    ];
  });
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('timeline layout', () => {
  it('never lets two bars or labels overlap', () => {
    const all = boxes(layoutTimeline(input(crowded)));
    const clashes = all.flatMap((a, i) =>
      all
        .slice(i + 1)
        .filter((b) => a.id.split(' ')[0] !== b.id.split(' ')[0] && overlaps(a, b))
        .map((b) => `${a.id} × ${b.id}`),
    );
    expect(clashes).toEqual([]);
  });

  it('keeps every bar inside the axis', () => {
    const layout = layoutTimeline(input(crowded));
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.x0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.x1 + 0.01);
    }
  });

  it('puts a long label outside a short bar and a short label inside a long bar', () => {
    const layout = layoutTimeline(input(crowded));
    const a = layout.bars.find((b) => b.id === 'a')!;
    const c = layout.bars.find((b) => b.id === 'c')!;
    expect(a.label.inside).toBe(false);
    expect(c.label.inside).toBe(true);
  });

  it('packs overlapping items of one theme into separate rows, and others onto one', () => {
    const layout = layoutTimeline(
      input([item('x', 'Trust', '2027-01-01', '2027-03-31'), item('y', 'Trust', '2027-02-01', '2027-05-31')]),
    );
    const [x, y] = layout.bars;
    expect(x!.y).not.toBe(y!.y);
    expect(layout.lanes[0]!.rows).toBe(2);
    const apart = layoutTimeline(
      input([item('x', 'Trust', '2027-01-01', '2027-03-31'), item('y', 'Trust', '2027-07-01', '2027-09-30')]),
    );
    expect(apart.lanes[0]!.rows).toBe(1);
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

  it('gives the same geometry for the same input', () => {
    expect(JSON.stringify(layoutTimeline(input(crowded)))).toBe(
      JSON.stringify(layoutTimeline(input([...crowded].reverse()))),
    );
  });
});
