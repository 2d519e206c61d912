import { scaleUtc } from 'd3-scale';
import { utcDay } from 'd3-time';
import { type IsoDate, addDays, toDate } from '../model/dates.ts';
import { type FiscalPeriod, fiscalQuarterOf, periodLabel, quartersBetween } from '../model/fiscal.ts';
import type { Confidence, RoadmapStatus } from '../model/types.ts';

/**
 * The roadmap timeline as plain geometry: a lane per theme headed by the theme's full name,
 * one row per dated item with its full title (wrapped onto more lines when long) in the label
 * column and its bar in the time columns, fiscal-quarter ticks, a today line, milestones and
 * dependencies. A title never sits in the time columns, so it can never read as another
 * quarter's work. Renderers (inline SVG, standalone SVG, PNG) only draw what this returns, so
 * they cannot disagree about where anything is.
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
  mark?: string;
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
  /** Width of the label column on the left, where titles and theme names go. */
  gutter: number;
  /** Height of a row whose title fits on one line. */
  rowHeight: number;
  barHeight: number;
  fontSize: number;
  /** Horizontal room kept free between milestone labels on one row. */
  gap: number;
  /** A dependency whose ends are further apart than this many rows is marked at both ends instead of drawn. */
  maxConnectorRows: number;
  /** Draw the axis over this span instead of the items' own (slides of one roadmap share one). */
  domain?: { start: IsoDate; end: IsoDate };
}

export const DEFAULT_OPTIONS: LayoutOptions = {
  width: 1200,
  gutter: 420,
  rowHeight: 28,
  barHeight: 18,
  fontSize: 13,
  gap: 10,
  maxConnectorRows: 4,
};

/** Line height of wrapped titles, as a multiple of the font size. */
const LINE = 1.3;
/** Height of a lane's heading row (the theme's name) per line. */
const LANE_HEAD = 26;

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
  /** Centre of the first line. */
  y: number;
  /** The whole text, unshortened. */
  text: string;
  /** The text wrapped to fit its column: every word of `text`, in order. */
  lines: string[];
  lineHeight: number;
  anchor: 'start' | 'end';
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
  /** The item's row: from `rowY` down `rowHeight`, the full width of the drawing. */
  rowY: number;
  rowHeight: number;
  /** Starts before something it depends on ends. */
  conflict: boolean;
}

export interface Lane {
  theme: string;
  color: string;
  /** Marker shape, the second cue when theme colours repeat. */
  mark: string;
  y: number;
  height: number;
  rows: number;
  /** The theme's full name, wrapped to the drawing's width. */
  label: Label;
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
  /**
   * `line`: drawn as `d`, an elbow from the end of `to` to the start of `from` that crosses no
   * other bar. `ends`: too far apart or in the way of other bars, so both ends carry the same
   * numbered mark instead (`marks`), and the table says which waits for which.
   */
  kind: 'line' | 'ends';
  d: string;
  /** Numbered marks at the end of `to` and the start of `from` (`ends` only). */
  number: number;
  marks: { x: number; y: number }[];
  /** The vertical extent. */
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

/**
 * `text` in lines no wider than `width`, breaking between words (a word wider than a line is
 * broken where it must). Every character of `text` but the spaces it breaks at is kept.
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (textWidth(rest, fontSize) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), fontSize) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
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
  const first = fiscalQuarterOf(o.domain?.start ?? dates[0]!, fy);
  const last = fiscalQuarterOf(o.domain?.end ?? dates[dates.length - 1]!, fy);
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
    const text = m.title;
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
        lines: [l.text],
        lineHeight: 0,
        anchor: l.right ? 'start' : 'end',
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
      .map((id) => ({ id, color: '#6b7280', mark: 'circle' })),
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

  const lineHeight = Math.round(o.fontSize * LINE);
  // Titles are indented under their theme's name; the column ends a little before the axis.
  const labelX = 24;
  const labelWidth = x0 - labelX - 14;
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
    const laneY = y;
    const nameLines = wrapText(theme.id, o.width - labelX - PAD, o.fontSize);
    const headHeight = LANE_HEAD + (nameLines.length - 1) * lineHeight;
    y += headHeight;
    for (const item of items) {
      const lines = wrapText(item.title, labelWidth, o.fontSize);
      const rowHeight = Math.max(o.rowHeight, lines.length * lineHeight + (o.rowHeight - lineHeight));
      const bx = xOf(item.start);
      const bw = Math.max(4, xAfter(item.end) - bx);
      const centre = y + rowHeight / 2;
      bars.push({
        id: item.id,
        title: item.title,
        theme: theme.id,
        color: theme.color,
        status: item.status,
        confidence: item.confidence,
        start: item.start,
        end: item.end,
        href: item.href,
        x: bx,
        y: centre - o.barHeight / 2,
        width: bw,
        height: o.barHeight,
        label: {
          x: labelX,
          y: centre - ((lines.length - 1) * lineHeight) / 2,
          text: item.title,
          lines,
          lineHeight,
          anchor: 'start',
        },
        rowY: y,
        rowHeight,
        conflict: conflicts.has(item.id),
      });
      y += rowHeight;
    }
    y += LANE_PAD;
    lanes.push({
      theme: theme.id,
      color: theme.color,
      mark: theme.mark ?? 'circle',
      y: laneY,
      height: y - laneY,
      rows: items.length,
      label: { x: labelX, y: laneY + LANE_HEAD / 2 + 2, text: theme.id, lines: nameLines, lineHeight, anchor: 'start' },
    });
  }

  const barsById = new Map(bars.map((b) => [b.id, b]));
  let numbered = 0;
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
      const top = Math.min(sy, ey);
      const bottom = Math.max(sy, ey);
      const conflict = conflicts.has(d.from) && from.start <= to.end;
      // An elbow: out of the end of `to`, down (or up) beside it, into the start of `from`.
      const elbowX = Math.min(sx + 6, x1);
      const between = bars.filter((b) => b !== from && b !== to && b.y + b.height > top && b.y < bottom);
      const crossesRows = bars.filter((b) => b.rowY + b.rowHeight > top && b.rowY < bottom).length - 1;
      const inTheWay = between.some(
        (b) => (b.x <= elbowX && elbowX <= b.x + b.width) || (b.y < ey && ey < b.y + b.height),
      );
      const line = !conflict && ex >= elbowX && crossesRows <= o.maxConnectorRows && !inTheWay;
      if (line) {
        return {
          from: d.from,
          to: d.to,
          kind: 'line' as const,
          d: `M${r(sx)},${r(sy)} H${r(elbowX)} V${r(ey)} H${r(ex)}`,
          number: 0,
          marks: [],
          top,
          bottom,
          conflict,
        };
      }
      numbered += 1;
      return {
        from: d.from,
        to: d.to,
        kind: 'ends' as const,
        d: '',
        number: numbered,
        marks: [
          { x: Math.min(sx + 9, x1 - 9), y: sy },
          { x: Math.max(ex - 9, x0 + 9), y: ey },
        ],
        top,
        bottom,
        conflict,
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
