import type { Bar, Label, TimelineLayout } from './layout.ts';
import { r } from './layout.ts';
import { STATUS_LABEL } from '../site/labels.ts';
import type { RoadmapStatus } from '../model/types.ts';
import { formatDate } from '../model/dates.ts';

/**
 * Draws a timeline layout as SVG markup. The same drawing serves the page (colours are the
 * page's CSS variables, so it follows light and dark mode and print) and the standalone
 * files for slides (fixed light colours and the bundled Inter font, so it looks the same
 * everywhere and renders to PNG without system fonts).
 */

export interface Palette {
  text: string;
  muted: string;
  grid: string;
  band: string;
  background: string | null;
  today: string;
  conflict: string;
  cancelled: string;
  font: string;
}

export const PAGE_PALETTE: Palette = {
  text: 'var(--text)',
  muted: 'var(--muted)',
  grid: 'var(--border)',
  band: 'var(--bg-soft)',
  background: null,
  today: 'var(--bad)',
  conflict: 'var(--bad)',
  cancelled: 'var(--muted)',
  font: 'inherit',
};

export const FILE_PALETTE: Palette = {
  text: '#1a1d23',
  muted: '#535b68',
  grid: '#d5dae1',
  band: '#f4f6f9',
  background: '#ffffff',
  today: '#b42318',
  conflict: '#b42318',
  cancelled: '#6b7280',
  font: 'Inter, system-ui, sans-serif',
};

export interface SvgOptions {
  title: string;
  description: string;
  palette: Palette;
  /** Prefix for ids inside the SVG, unique per page. */
  idPrefix: string;
  /** Standalone file: XML namespace, fixed size and a background. */
  standalone: boolean;
  /**
   * Bars link to their pages inside the drawing (standalone files). On a page the drawing is
   * one image for assistive technology (role="img": its children are presentational), so the
   * links go in a separate layer, `timelineLinkLayer`, instead.
   */
  inlineLinks: boolean;
  /** Preview builds: how each changed item changed (`slipped`, …), shown on its bar. */
  changes?: ReadonlyMap<string, BarChange>;
  /**
   * Draw only a horizontal band of the drawing, `top` to `top + height` in drawing units, at
   * `pixelWidth` × `pixelHeight`: how a tall timeline is rasterised a band at a time.
   * Elements wholly outside the band are left out, so each band is quick to render.
   */
  window?: { top: number; height: number; pixelWidth: number; pixelHeight: number };
}

/** How far text and strokes may reach beyond an element's own y range, in drawing units. */
const WINDOW_MARGIN = 24;

export interface BarChange {
  /** Goes into `data-change`, which the page's CSS styles. */
  marker: string;
  /** Said in the bar's label: `Slipped`. */
  label: string;
}

/** Room below the plot for the legend (two lines, when it wraps), in drawing units. */
export const LEGEND_HEIGHT = 52;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

interface BarStyle {
  fillOpacity: number;
  dash: string | null;
  stroke: string | null;
  cap: boolean;
  strike: boolean;
}

/** How a status looks: solid for work under way, faint for done, dashed for undecided. */
export function barStyle(status: RoadmapStatus): BarStyle {
  switch (status) {
    case 'in-progress':
      return { fillOpacity: 0.42, dash: null, stroke: null, cap: true, strike: false };
    case 'planned':
      return { fillOpacity: 0.22, dash: null, stroke: null, cap: true, strike: false };
    case 'shipped':
      return { fillOpacity: 0.12, dash: null, stroke: null, cap: false, strike: false };
    case 'exploring':
      return { fillOpacity: 0.06, dash: '5 4', stroke: null, cap: false, strike: false };
    case 'paused':
      return { fillOpacity: 0.1, dash: '10 3 2 3', stroke: null, cap: false, strike: false };
    case 'cancelled':
      return { fillOpacity: 0, dash: '3 3', stroke: 'cancelled', cap: false, strike: true };
  }
}

const LOW_CONFIDENCE_OPACITY = 0.55;

function describeBar(bar: Bar, change?: BarChange): string {
  const parts = [bar.title, STATUS_LABEL[bar.status], `${bar.start} to ${bar.end}`];
  if (bar.confidence) parts.push(`${bar.confidence} confidence`);
  if (bar.conflict) parts.push('starts before a dependency ends');
  if (change) parts.push(`${change.label.toLowerCase()} in this preview`);
  return parts.join(', ');
}

/** A label's lines, one `<text>` each, so every renderer breaks them in the same places. */
function textLines(label: Label, style: string): string {
  return label.lines
    .map(
      (line, i) =>
        `<text x="${r(label.x)}" y="${r(label.y + i * label.lineHeight)}" dominant-baseline="central" text-anchor="${label.anchor}" style="${style}">${escapeXml(line)}</text>`,
    )
    .join('');
}

/** A theme's marker: its colour, in the shape that tells it from a theme of the same colour. */
function themeMark(mark: string, cx: number, cy: number, color: string): string {
  const style = `fill:${color}`;
  switch (mark) {
    case 'square':
      return `<rect x="${cx - 5}" y="${cy - 5}" width="10" height="10" style="${style}"/>`;
    case 'diamond':
      return `<path d="M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z" style="${style}"/>`;
    case 'triangle':
      return `<path d="M${cx},${cy - 6} L${cx + 6},${cy + 5} L${cx - 6},${cy + 5} Z" style="${style}"/>`;
    default:
      return `<circle cx="${cx}" cy="${cy}" r="5" style="${style}"/>`;
  }
}

function drawBar(bar: Bar, p: Palette, link: boolean, change?: BarChange): string {
  const s = barStyle(bar.status);
  const stroke = s.stroke === 'cancelled' ? p.cancelled : bar.color;
  const weak = bar.confidence === 'low';
  // Low confidence fades the bar, not the title: the title keeps its full contrast.
  const fade = weak ? `;opacity:${LOW_CONFIDENCE_OPACITY}` : '';
  const rect = `<rect x="${r(bar.x)}" y="${r(bar.y)}" width="${r(bar.width)}" height="${bar.height}" rx="4" style="fill:${bar.color};fill-opacity:${s.fillOpacity};stroke:${stroke};stroke-width:1.5${
    s.dash ? `;stroke-dasharray:${s.dash}` : weak ? ';stroke-dasharray:2 3' : ''
  }${fade}"/>`;
  const cap = s.cap
    ? `<rect x="${r(bar.x)}" y="${r(bar.y)}" width="${Math.min(4, r(bar.width))}" height="${bar.height}" rx="2" style="fill:${bar.color}${fade}"/>`
    : '';
  const label = textLines(
    bar.label,
    `fill:${s.strike ? p.cancelled : p.text};font-size:13px;font-weight:${bar.status === 'in-progress' ? 600 : 400}${
      s.strike ? ';text-decoration:line-through' : ''
    }`,
  );
  const flag = bar.conflict
    ? `<g><circle cx="${r(bar.x)}" cy="${r(bar.y)}" r="7" style="fill:${p.conflict}"/><text x="${r(bar.x)}" y="${r(bar.y)}" dominant-baseline="central" text-anchor="middle" style="fill:#ffffff;font-size:11px;font-weight:700">!</text></g>`
    : '';
  const attributes = ` data-item="${escapeXml(bar.id)}" data-status="${bar.status}"${
    change ? ` data-change="${escapeXml(change.marker)}"` : ''
  }`;
  return link
    ? `<a href="${escapeXml(bar.href)}" aria-label="${escapeXml(describeBar(bar, change))}"${attributes}>${rect}${cap}${label}${flag}</a>`
    : `<g${attributes}>${rect}${cap}${label}${flag}</g>`;
}

/**
 * Clickable areas over a page's timeline drawing, one per bar and its label. Hidden from
 * assistive technology and out of the tab order: the table that follows the drawing carries
 * the same links for keyboard and screen-reader users.
 */
export function timelineLinkLayer(layout: TimelineLayout, changes?: ReadonlyMap<string, BarChange>): string {
  // The whole row is the link: its title in the label column and its bar.
  const areas = layout.bars.map(
    (bar) =>
      `<a href="${escapeXml(bar.href)}" tabindex="-1"><title>${escapeXml(describeBar(bar, changes?.get(bar.id)))}</title><rect x="0" y="${r(bar.rowY)}" width="${r(layout.plot.x1)}" height="${r(bar.rowHeight)}"/></a>`,
  );
  return `<svg viewBox="0 0 ${layout.width} ${layout.height + LEGEND_HEIGHT}" class="timeline-links" aria-hidden="true" focusable="false">${areas.join('')}</svg>`;
}

/** The numbered mark at both ends of a dependency drawn without a line. */
function pairMark(cx: number, cy: number, n: number, color: string): string {
  return `<circle cx="${r(cx)}" cy="${r(cy)}" r="8" style="fill:#ffffff;stroke:${color};stroke-width:1.5"/><text x="${r(cx)}" y="${r(cy)}" dominant-baseline="central" text-anchor="middle" style="fill:#1a1d23;font-size:10px;font-weight:700">${n}</text>`;
}

const LEGEND_LINE = 22;

function legend(layout: TimelineLayout, p: Palette): string {
  const entries: { label: string; status?: RoadmapStatus; kind?: 'low' | 'today' | 'conflict' | 'pair' }[] = [
    { label: 'In progress', status: 'in-progress' },
    { label: 'Planned', status: 'planned' },
    { label: 'Shipped', status: 'shipped' },
    { label: 'Exploring', status: 'exploring' },
    { label: 'Paused', status: 'paused' },
    { label: 'Cancelled', status: 'cancelled' },
    { label: 'Low confidence', kind: 'low' },
    { label: 'Today', kind: 'today' },
    { label: 'Starts before a dependency ends', kind: 'conflict' },
    ...(layout.connectors.some((c) => c.kind === 'ends')
      ? [{ label: 'Same number: waits for', kind: 'pair' as const }]
      : []),
  ];
  let x = 8;
  let y = layout.height + 6;
  const parts: string[] = [];
  for (const e of entries) {
    const width = 28 + e.label.length * 6.6 + 18;
    if (x + width > layout.width && x > 8) {
      x = 8;
      y += LEGEND_LINE;
    }
    let mark: string;
    if (e.kind === 'today') {
      mark = `<line x1="${x + 8}" x2="${x + 8}" y1="${y}" y2="${y + 14}" style="stroke:${p.today};stroke-width:2;stroke-dasharray:4 3"/>`;
    } else if (e.kind === 'pair') {
      mark = pairMark(x + 8, y + 7, 1, p.muted);
    } else if (e.kind === 'conflict') {
      mark = `<circle cx="${x + 8}" cy="${y + 7}" r="7" style="fill:${p.conflict}"/><text x="${x + 8}" y="${y + 7}" dominant-baseline="central" text-anchor="middle" style="fill:#ffffff;font-size:11px;font-weight:700">!</text>`;
    } else {
      const s = barStyle(e.status ?? 'planned');
      const stroke = s.stroke === 'cancelled' ? p.cancelled : p.muted;
      mark = `<rect x="${x}" y="${y}" width="22" height="14" rx="3" style="fill:${p.muted};fill-opacity:${s.fillOpacity};stroke:${stroke};stroke-width:1.5${
        s.dash ? `;stroke-dasharray:${s.dash}` : e.kind === 'low' ? ';stroke-dasharray:2 3' : ''
      }"${e.kind === 'low' ? ` opacity="${LOW_CONFIDENCE_OPACITY}"` : ''}/>`;
    }
    const textX = x + 28;
    parts.push(
      `${mark}<text x="${textX}" y="${y + 7}" dominant-baseline="central" style="fill:${p.muted};font-size:12px">${escapeXml(e.label)}</text>`,
    );
    x = r(textX + e.label.length * 6.6 + 18);
  }
  return `<g aria-hidden="true">${parts.join('')}</g>`;
}

export function timelineSvg(layout: TimelineLayout, o: SvgOptions): string {
  const p = o.palette;
  const height = layout.height + LEGEND_HEIGHT;
  const { x1, y0, y1 } = layout.plot;
  const out: string[] = [];
  const w = o.window;
  // Whether something spanning y from `top` to `bottom` shows in the band being drawn.
  const shows = (top: number, bottom = top) =>
    !w || (bottom + WINDOW_MARGIN >= w.top && top - WINDOW_MARGIN <= w.top + w.height);
  const frame = w
    ? ` viewBox="0 ${w.top} ${layout.width} ${w.height}" width="${w.pixelWidth}" height="${w.pixelHeight}" preserveAspectRatio="none"`
    : ` viewBox="0 0 ${layout.width} ${height}"${o.standalone ? ` width="${layout.width}" height="${height}"` : ''}`;
  out.push(
    `<svg${o.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ''}${frame} role="img" aria-labelledby="${o.idPrefix}-title ${o.idPrefix}-desc" class="timeline" style="font-family:${p.font}">`,
  );
  out.push(`<title id="${o.idPrefix}-title">${escapeXml(o.title)}</title>`);
  out.push(`<desc id="${o.idPrefix}-desc">${escapeXml(o.description)}</desc>`);
  if (p.background) out.push(`<rect width="${layout.width}" height="${height}" style="fill:${p.background}"/>`);

  // Quarter bands, alternate ones shaded, with their names on the axis.
  layout.bands.forEach((band, i) => {
    if (i % 2 === 1) {
      out.push(
        `<rect x="${r(band.x0)}" y="${y0 - 28}" width="${r(band.x1 - band.x0)}" height="${r(y1 - y0 + 28)}" style="fill:${p.band}"/>`,
      );
    }
    if ((band.x1 - band.x0 >= 56 || band.quarter.index === 1) && shows(y0 - 14)) {
      out.push(
        `<text x="${r((band.x0 + band.x1) / 2)}" y="${y0 - 14}" text-anchor="middle" dominant-baseline="central" style="fill:${p.muted};font-size:12px;font-weight:600">${escapeXml(band.label)}</text>`,
      );
    }
  });
  for (const tick of layout.ticks) {
    out.push(
      `<line x1="${r(tick.x)}" x2="${r(tick.x)}" y1="${y0 - 28}" y2="${y1}" style="stroke:${p.grid};stroke-width:${tick.yearStart ? 2 : 1}"/>`,
    );
  }

  // Lanes: a rule above each, the theme's name in the gutter.
  if (layout.milestoneLane && shows(layout.milestoneLane.y, layout.milestoneLane.y + 20)) {
    const m = layout.milestoneLane;
    out.push(`<line x1="0" x2="${x1}" y1="${m.y}" y2="${m.y}" style="stroke:${p.grid}"/>`);
    out.push(`<text x="8" y="${m.y + 20}" style="fill:${p.muted};font-size:12px;font-weight:600">Milestones</text>`);
  }
  for (const lane of layout.lanes) {
    if (!shows(lane.y, lane.y + lane.height)) continue;
    out.push(`<line x1="0" x2="${x1}" y1="${lane.y}" y2="${lane.y}" style="stroke:${p.grid}"/>`);
    out.push(themeMark(lane.mark, 13, lane.label.y, lane.color));
    out.push(textLines(lane.label, `fill:${p.text};font-size:13px;font-weight:700`));
  }
  // A faint rule under each item's row leads the eye from its title to its bar.
  for (const bar of layout.bars) {
    if (!shows(bar.rowY, bar.rowY + bar.rowHeight)) continue;
    out.push(
      `<line x1="${r(bar.label.x)}" x2="${x1}" y1="${r(bar.rowY + bar.rowHeight)}" y2="${r(bar.rowY + bar.rowHeight)}" style="stroke:${p.grid};stroke-dasharray:1 3"/>`,
    );
  }
  out.push(`<line x1="0" x2="${x1}" y1="${y1}" y2="${y1}" style="stroke:${p.grid}"/>`);

  for (const c of layout.connectors) {
    if (c.kind === 'line' && shows(c.top, c.bottom)) {
      out.push(
        `<path d="${c.d}" style="fill:none;stroke:${p.muted};stroke-width:1.5" data-from="${escapeXml(c.from)}" data-to="${escapeXml(c.to)}"/>`,
      );
    }
  }
  for (const bar of layout.bars) {
    if (shows(bar.rowY, bar.rowY + bar.rowHeight)) out.push(drawBar(bar, p, o.inlineLinks, o.changes?.get(bar.id)));
  }
  for (const c of layout.connectors) {
    if (c.kind !== 'ends') continue;
    for (const m of c.marks) {
      if (shows(m.y)) out.push(pairMark(m.x, m.y, c.number, c.conflict ? p.conflict : p.muted));
    }
  }

  for (const m of layout.milestones) {
    if (!shows(m.y, m.label.y)) continue;
    const s = 6;
    out.push(
      `<path d="M${r(m.x)},${r(m.y - s)} L${r(m.x + s)},${r(m.y)} L${r(m.x)},${r(m.y + s)} L${r(m.x - s)},${r(m.y)} Z" style="fill:${p.text}"/>`,
    );
    out.push(
      `<text x="${r(m.label.x)}" y="${r(m.label.y)}" dominant-baseline="central" text-anchor="${m.label.anchor}" style="fill:${p.text};font-size:12px">${escapeXml(m.label.text)}</text>`,
    );
  }

  if (layout.today) {
    const tx = r(layout.today.x);
    out.push(
      `<line x1="${tx}" x2="${tx}" y1="${y0}" y2="${y1 + 4}" style="stroke:${p.today};stroke-width:2;stroke-dasharray:4 3"/>`,
    );
    if (shows(y1 + 14)) {
      out.push(
        `<text x="${tx}" y="${y1 + 14}" text-anchor="middle" dominant-baseline="central" style="fill:${p.today};font-size:12px;font-weight:700">Today · ${escapeXml(formatDate(layout.today.date))}</text>`,
      );
    }
  }
  if (shows(layout.height + 6, layout.height + 20)) out.push(legend(layout, p));
  out.push('</svg>');
  return out.join('');
}
