import { scaleUtc } from 'd3-scale';
import { utcDay } from 'd3-time';
import { type IsoDate, addDays, toDate } from '../model/dates.ts';
import { type FiscalPeriod, fiscalQuarterOf, periodLabel, quartersBetween } from '../model/fiscal.ts';
import type { Confidence, RoadmapStatus } from '../model/types.ts';

/**
 * The roadmap timeline as plain geometry: swimlanes per theme, one bar per dated item packed
 * into sub-rows so that no bar or label overlaps another, fiscal-quarter ticks, a today line,
 * milestones and dependency connectors. Renderers (inline SVG, standalone SVG, PNG) only draw
 * what this returns, so they cannot disagree about where anything is.
 */

export interface TimelineItem {
  id: string;
  title: string;
  theme: string;
  status: RoadmapStatus;
  confidence: Confidence | null;
  start: IsoDate;
  end: IsoDate;
  href: string;
}

export interface TimelineTheme {
  id: string;
  color: string;
}

export interface TimelineInput {
  items: TimelineItem[];
  /** Swimlane order; themes with no dated item get no lane. */
  themes: TimelineTheme[];
  milestones: { title: string; date: IsoDate }[];
  /** `from` depends on `to`. */
  dependencies: { from: string; to: string }[];
  today: IsoDate;
  fiscalYearStartMonth: number;
}

export interface LayoutOptions {
  width: number;
  /** Width of the lane-name column on the left. */
  gutter: number;
  rowHeight: number;
  barHeight: number;
  fontSize: number;
  /** Horizontal room kept free between neighbours on one row. */
  gap: number;
  /** Longest label, in characters, before it is shortened with an ellipsis. */
  maxLabelChars: number;
}

export const DEFAULT_OPTIONS: LayoutOptions = {
  width: 1200,
  gutter: 150,
  rowHeight: 30,
  barHeight: 22,
  fontSize: 13,
  gap: 10,
  maxLabelChars: 42,
};

export interface Tick {
  x: number;
  date: IsoDate;
  /** A fiscal year starts here: drawn stronger. */
  yearStart: boolean;
}

export interface Band {
  x0: number;
  x1: number;
  label: string;
  quarter: FiscalPeriod;
}

export interface Label {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'end';
  inside: boolean;
}

export interface Bar {
  id: string;
  title: string;
  theme: string;
  color: string;
  status: RoadmapStatus;
  confidence: Confidence | null;
  start: IsoDate;
  end: IsoDate;
  href: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: Label;
  /** Starts before something it depends on ends. */
  conflict: boolean;
}

export interface Lane {
  theme: string;
  color: string;
  y: number;
  height: number;
  rows: number;
}

export interface MilestoneMark {
  title: string;
  date: IsoDate;
  x: number;
  y: number;
  label: Label;
}

export interface Connector {
  from: string;
  to: string;
  /** SVG path data from the end of `to` to the start of `from`. */
  d: string;
  /** The curve's vertical extent: its control points share its ends' heights. */
  top: number;
  bottom: number;
  conflict: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
  domain: { start: IsoDate; end: IsoDate };
  ticks: Tick[];
  bands: Band[];
  lanes: Lane[];
  bars: Bar[];
  milestones: MilestoneMark[];
  milestoneLane: { y: number; height: number } | null;
  connectors: Connector[];
  today: { x: number; date: IsoDate } | null;
}

const AXIS_HEIGHT = 40;
const LANE_PAD = 8;
const PAD = 12;

/** Estimated rendered width of a label: generous, so estimates err towards more room. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text)
    units += /[A-Z0-9MW@%]/.test(ch) ? 0.68 : /[ilj.,:;'|!]/.test(ch) ? 0.3 : ch === ' ' ? 0.3 : 0.56;
  return units * fontSize;
}

export function shorten(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

interface Placed {
  x0: number;
  x1: number;
}

/** Greedy interval packing: each extent goes on the first row where it fits after the last one. */
function pack(extents: Placed[], gap: number): number[] {
  const rowEnds: number[] = [];
  return extents.map((e) => {
    let row = rowEnds.findIndex((end) => end + gap <= e.x0);
    if (row === -1) row = rowEnds.push(-Infinity) - 1;
    rowEnds[row] = e.x1;
    return row;
  });
}

export function layoutTimeline(input: TimelineInput, options: Partial<LayoutOptions> = {}): TimelineLayout {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const fy = input.fiscalYearStartMonth;
  const dates = [
    input.today,
    ...input.items.flatMap((i) => [i.start, i.end]),
    ...input.milestones.map((m) => m.date),
  ].sort();
  const first = fiscalQuarterOf(dates[0]!, fy);
  const last = fiscalQuarterOf(dates[dates.length - 1]!, fy);
  const domain = { start: first.start, end: last.end };
  const x0 = o.gutter;
  const x1 = o.width - PAD;
  const scale = scaleUtc()
    .domain([toDate(domain.start), utcDay.offset(toDate(domain.end), 1)])
    .range([x0, x1]);
  const xOf = (date: IsoDate) => scale(toDate(date));
  const xAfter = (date: IsoDate) => scale(toDate(addDays(date, 1)));

  const quarters = quartersBetween(domain.start, domain.end, fy);
  const bands = quarters.map((q) => ({ x0: xOf(q.start), x1: xAfter(q.end), label: periodLabel(q, fy), quarter: q }));
  const ticks: Tick[] = [
    ...quarters.map((q) => ({ x: xOf(q.start), date: q.start, yearStart: q.index === 1 })),
    { x: x1, date: addDays(domain.end, 1), yearStart: fiscalQuarterOf(addDays(domain.end, 1), fy).index === 1 },
  ];

  let y = AXIS_HEIGHT;

  // Milestones get a lane of their own above the themes, packed like bars.
  const milestoneOrder = [...input.milestones].sort(
    (a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title),
  );
  const milestoneLabels = milestoneOrder.map((m) => {
    const x = xOf(m.date) + (xAfter(m.date) - xOf(m.date)) / 2;
    const text = shorten(m.title, o.maxLabelChars);
    const w = textWidth(text, o.fontSize - 1);
    const right = x + 10 + w <= x1;
    return { m, x, text, w, right, extent: right ? { x0: x - 7, x1: x + 10 + w } : { x0: x - 10 - w, x1: x + 7 } };
  });
  const milestoneRows = pack(
    milestoneLabels.map((l) => l.extent),
    o.gap,
  );
  const milestoneRowCount = milestoneLabels.length ? Math.max(...milestoneRows) + 1 : 0;
  const milestoneLane = milestoneRowCount ? { y, height: milestoneRowCount * 24 + LANE_PAD * 2 } : null;
  const milestones: MilestoneMark[] = milestoneLabels.map((l, i) => {
    const my = y + LANE_PAD + milestoneRows[i]! * 24 + 12;
    return {
      title: l.m.title,
      date: l.m.date,
      x: l.x,
      y: my,
      label: {
        x: l.right ? l.x + 10 : l.x - 10,
        y: my,
        text: l.text,
        anchor: l.right ? 'start' : 'end',
        inside: false,
      },
    };
  });
  if (milestoneLane) y += milestoneLane.height;

  const byTheme = new Map<string, TimelineItem[]>();
  for (const item of input.items) byTheme.set(item.theme, [...(byTheme.get(item.theme) ?? []), item]);
  const laneThemes = [
    ...input.themes.filter((t) => byTheme.has(t.id)),
    ...[...byTheme.keys()]
      .filter((id) => !input.themes.some((t) => t.id === id))
      .sort()
      .map((id) => ({ id, color: '#6b7280' })),
  ];

  const itemsById = new Map(input.items.map((i) => [i.id, i]));
  const conflicts = new Set(
    input.dependencies
      .filter((d) => {
        const from = itemsById.get(d.from);
        const to = itemsById.get(d.to);
        return from && to && from.start <= to.end;
      })
      .map((d) => d.from),
  );

  const lanes: Lane[] = [];
  const bars: Bar[] = [];
  for (const theme of laneThemes) {
    const items = [...byTheme.get(theme.id)!].sort(
      (a, b) =>
        a.start.localeCompare(b.start) ||
        a.end.localeCompare(b.end) ||
        a.title.localeCompare(b.title) ||
        a.id.localeCompare(b.id),
    );
    const placed = items.map((item) => {
      const bx = xOf(item.start);
      const bw = Math.max(4, xAfter(item.end) - bx);
      const text = shorten(item.title, o.maxLabelChars);
      const w = textWidth(text, o.fontSize);
      const pad = 8;
      let label: Omit<Label, 'y'>;
      if (w + pad * 2 <= bw) label = { x: bx + pad, text, anchor: 'start', inside: true };
      else if (bx + bw + 6 + w <= x1) label = { x: bx + bw + 6, text, anchor: 'start', inside: false };
      else label = { x: bx - 6, text, anchor: 'end', inside: false };
      const extent = label.inside
        ? { x0: bx, x1: bx + bw }
        : label.anchor === 'start'
          ? { x0: bx, x1: label.x + w }
          : { x0: label.x - w, x1: bx + bw };
      return { item, bx, bw, label, extent };
    });
    const rows = pack(
      placed.map((p) => p.extent),
      o.gap,
    );
    const rowCount = Math.max(1, ...rows.map((r) => r + 1));
    const height = rowCount * o.rowHeight + LANE_PAD * 2;
    lanes.push({ theme: theme.id, color: theme.color, y, height, rows: rowCount });
    placed.forEach((p, i) => {
      const by = y + LANE_PAD + rows[i]! * o.rowHeight + (o.rowHeight - o.barHeight) / 2;
      bars.push({
        id: p.item.id,
        title: p.item.title,
        theme: theme.id,
        color: theme.color,
        status: p.item.status,
        confidence: p.item.confidence,
        start: p.item.start,
        end: p.item.end,
        href: p.item.href,
        x: p.bx,
        y: by,
        width: p.bw,
        height: o.barHeight,
        label: { ...p.label, y: by + o.barHeight / 2 },
        conflict: conflicts.has(p.item.id),
      });
    });
    y += height;
  }

  const barsById = new Map(bars.map((b) => [b.id, b]));
  const connectors: Connector[] = input.dependencies
    .filter((d) => barsById.has(d.from) && barsById.has(d.to))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
    .map((d) => {
      const from = barsById.get(d.from)!;
      const to = barsById.get(d.to)!;
      const sx = to.x + to.width;
      const sy = to.y + to.height / 2;
      const ex = from.x;
      const ey = from.y + from.height / 2;
      const bend = Math.max(24, Math.abs(ex - sx) / 2);
      return {
        from: d.from,
        to: d.to,
        d: `M${r(sx)},${r(sy)} C${r(sx + bend)},${r(sy)} ${r(ex - bend)},${r(ey)} ${r(ex)},${r(ey)}`,
        top: Math.min(sy, ey),
        bottom: Math.max(sy, ey),
        conflict: conflicts.has(d.from) && from.start <= to.end,
      };
    });

  const todayX = input.today >= domain.start && input.today <= domain.end ? xOf(input.today) : null;
  // Room under the plot for the "Today" label.
  const height = y + 26;
  return {
    width: o.width,
    height,
    plot: { x0, x1, y0: AXIS_HEIGHT, y1: y },
    domain,
    ticks,
    bands,
    lanes,
    bars,
    milestones,
    milestoneLane,
    connectors,
    today: todayX === null ? null : { x: todayX, date: input.today },
  };
}

/** Two decimals are plenty for a 1200-unit drawing and keep output stable across platforms. */
export function r(n: number): number {
  return Math.round(n * 100) / 100;
}
