import { describe, expect, it } from 'vitest';
import { diffViews } from '../../src/lib/diff/diff.ts';
import { itemMarkers } from '../../src/lib/diff/markers.ts';
import { layoutTimeline } from '../../src/lib/timeline/layout.ts';
import { PAGE_PALETTE, timelineSvg } from '../../src/lib/timeline/svg.ts';
import { redactDiff } from '../../src/lib/diff/redact.ts';
import type { Change, RoadmapDiff } from '../../src/lib/diff/types.ts';
import { type SiteView, audienceView } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience, Content } from '../../src/lib/model/types.ts';
import { content, item, mission, objective, site, strategyDoc, vision, wikiPage } from './helpers/content.ts';

const TODAY = '2026-05-15';
const view = (c: Content | null, audience: Audience = 'public', today = TODAY): SiteView | null =>
  c ? audienceView(resolveContent(c, today), audience) : null;
const meta = (audience: Audience = 'public') => ({
  audience,
  base: { rev: 'main', commit: 'a'.repeat(40) },
  head: { rev: 'working tree', commit: null },
  today: TODAY,
});
const diff = (before: Content | null, after: Content | null, audience: Audience = 'public'): RoadmapDiff =>
  diffViews(view(before, audience), view(after, audience), meta(audience));
const changesOf = (d: RoadmapDiff, id: string): Change[] => d.changed.find((e) => e.id === id)?.changes ?? [];

/** A small roadmap with a fiscal year starting in April; every entry public unless a test says otherwise. */
const BASE: Content = content({
  site: site({ fiscalYearStartMonth: 4 }),
  mission: mission({ visibility: 'public' }),
  vision: vision({ visibility: 'public' }),
  objectives: [
    objective('uptime', {
      title: 'Keep it up',
      period: '2027-Q1',
      keyResults: [
        {
          kind: 'measured',
          id: null,
          title: 'Availability',
          start: 99,
          target: 99.9,
          current: 99.45,
          unit: '%',
          confidence: null,
        },
        {
          kind: 'measured',
          id: 'p95',
          title: 'Page load p95',
          start: 900,
          target: 300,
          current: 600,
          unit: 'ms',
          confidence: null,
        },
      ],
    }),
    objective('grow', { title: 'Grow' }),
  ],
  roadmap: [
    item('status-page', {
      title: 'Status page',
      status: 'planned',
      start: '2026-07-01',
      end: '2026-09-30',
      confidence: 'medium',
      theme: 'Core',
      team: 'Ops',
      objectives: ['uptime'],
    }),
    item('alerts', { title: 'Alerts', status: 'in-progress', period: '2027-Q1' }),
    item('old-thing', { title: 'Old thing', status: 'exploring' }),
    item('exports', { title: 'Exports', status: 'exploring', visibility: 'internal' }),
    item('zebra-billing', { title: 'Zebra billing', visibility: 'internal', start: '2026-08-01', end: '2026-10-31' }),
  ],
});

const edit = (c: Content, change: (draft: Content) => void): Content => {
  const copy = structuredClone(c);
  change(copy);
  return copy;
};
const itemOf = (c: Content, id: string) => c.roadmap.find((i) => i.id === id)!;

describe('diffViews', () => {
  it('finds nothing between two identical views', () => {
    const d = diff(BASE, structuredClone(BASE));
    expect(d).toMatchObject({ version: 1, audience: 'public', becamePublic: [], added: [], removed: [], changed: [] });
    expect(d.summary).toEqual({ becamePublic: 0, added: 0, removed: 0, changed: 0, changes: {}, slipped: 0 });
  });

  it('reports added and removed items, with where an item sits', () => {
    const after = edit(BASE, (c) => {
      c.roadmap = c.roadmap.filter((i) => i.id !== 'old-thing');
      c.roadmap.push(item('search', { title: 'Search', status: 'planned', period: '2027-Q2' }));
    });
    const d = diff(BASE, after, 'internal');
    expect(d.added).toEqual([
      {
        kind: 'roadmap',
        id: 'search',
        title: 'Search',
        visibility: 'public',
        path: 'roadmap/search/',
        item: { status: 'planned', horizon: 'next', start: '2026-07-01', end: '2026-09-30', theme: 'Core' },
      },
    ]);
    expect(d.removed.map((e) => e.id)).toEqual(['old-thing']);
    expect(d.removed[0]!.item?.status).toBe('exploring');
  });

  it('reports objectives, strategy documents and wiki pages added and removed', () => {
    const after = edit(BASE, (c) => {
      c.objectives = c.objectives.filter((o) => o.id !== 'grow');
      c.objectives.push(objective('retain', { title: 'Retain' }));
      c.strategy.push(strategyDoc('market', { title: 'Market' }));
      c.wiki.push(wikiPage('guides/how', { title: 'How we plan' }));
    });
    const d = diff(BASE, after);
    expect(d.added.map((e) => `${e.kind}:${e.id}:${e.path}`)).toEqual([
      'objective:retain:objectives/retain/',
      'strategy:market:strategy/market/',
      'wiki:guides/how:wiki/guides/how/',
    ]);
    expect(d.removed.map((e) => `${e.kind}:${e.id}`)).toEqual(['objective:grow']);
  });

  it('reports a status change', () => {
    const after = edit(BASE, (c) => (itemOf(c, 'status-page').status = 'in-progress'));
    expect(changesOf(diff(BASE, after), 'status-page')).toContainEqual({
      type: 'status',
      from: 'planned',
      to: 'in-progress',
    });
  });

  it('reports a horizon move worked out from the dates, as of the same today on both sides', () => {
    // Starts 2026-07-01, in the next fiscal quarter of 15 May 2026: next. Moved to 2027: later.
    const after = edit(BASE, (c) =>
      Object.assign(itemOf(c, 'status-page'), { start: '2027-01-04', end: '2027-03-31' }),
    );
    expect(changesOf(diff(BASE, after), 'status-page')).toContainEqual({ type: 'horizon', from: 'next', to: 'later' });
  });

  it('reports a slip in days and fiscal quarters when the end moves a quarter later', () => {
    const after = edit(BASE, (c) => (itemOf(c, 'alerts').period = '2027-Q2'));
    const dates = changesOf(diff(BASE, after), 'alerts').find((c) => c.type === 'dates');
    // With an April fiscal year, 2027-Q1 is Apr-Jun 2026 and 2027-Q2 is Jul-Sep 2026.
    expect(dates).toEqual({
      type: 'dates',
      from: { start: '2026-04-01', end: '2026-06-30' },
      to: { start: '2026-07-01', end: '2026-09-30' },
      startDays: 91,
      endDays: 92,
      quarters: 1,
      fromQuarter: 'FY27 Q1',
      toQuarter: 'FY27 Q2',
    });
    expect(diff(BASE, after).summary.slipped).toBe(1);
  });

  it('reports dates pulled in, scheduled and unscheduled', () => {
    const pulled = edit(BASE, (c) => (itemOf(c, 'status-page').end = '2026-08-31'));
    expect(changesOf(diff(BASE, pulled), 'status-page').find((c) => c.type === 'dates')).toMatchObject({
      endDays: -30,
      quarters: 0,
    });
    const scheduled = edit(BASE, (c) =>
      Object.assign(itemOf(c, 'old-thing'), { start: '2026-10-01', end: '2026-12-31' }),
    );
    expect(changesOf(diff(BASE, scheduled), 'old-thing').find((c) => c.type === 'dates')).toMatchObject({
      from: null,
      to: { start: '2026-10-01', end: '2026-12-31' },
      endDays: null,
      quarters: null,
      toQuarter: 'FY27 Q3',
    });
    const unscheduled = edit(BASE, (c) => Object.assign(itemOf(c, 'status-page'), { start: null, end: null }));
    const d = diff(BASE, unscheduled);
    expect(changesOf(d, 'status-page').find((c) => c.type === 'dates')).toMatchObject({
      from: { start: '2026-07-01' },
      to: null,
    });
    expect(d.summary.slipped).toBe(1);
  });

  it('reports confidence, theme, team, title and summary changes', () => {
    const after = edit(BASE, (c) =>
      Object.assign(itemOf(c, 'status-page'), {
        confidence: 'low',
        theme: 'Trust',
        team: null,
        title: 'Public status page',
        summary: 'New words',
      }),
    );
    const changes = changesOf(diff(BASE, after), 'status-page');
    expect(changes).toContainEqual({ type: 'confidence', from: 'medium', to: 'low' });
    expect(changes).toContainEqual({ type: 'theme', from: 'Core', to: 'Trust' });
    expect(changes).toContainEqual({ type: 'team', from: 'Ops', to: null });
    expect(changes).toContainEqual({ type: 'title', from: 'Status page', to: 'Public status page' });
    expect(changes).toContainEqual({ type: 'summary', from: 'Summary of status-page', to: 'New words' });
    expect(diff(BASE, after).changed[0]).toMatchObject({ id: 'status-page', title: 'Public status page' });
  });

  it('reports dependency and objective changes by name, and internal ones only as counts in a public diff', () => {
    const after = edit(BASE, (c) => {
      itemOf(c, 'status-page').dependsOn = ['alerts', 'zebra-billing'];
      itemOf(c, 'status-page').objectives = ['grow'];
    });
    const changes = changesOf(diff(BASE, after), 'status-page');
    expect(changes).toContainEqual({
      type: 'dependencies',
      added: [{ kind: 'roadmap', id: 'alerts', title: 'Alerts', visibility: 'public', path: 'roadmap/alerts/' }],
      removed: [],
      hiddenFrom: 0,
      hiddenTo: 1,
    });
    expect(changes).toContainEqual(
      expect.objectContaining({
        type: 'objectives',
        added: [expect.objectContaining({ id: 'grow' })],
        removed: [expect.objectContaining({ id: 'uptime', title: 'Keep it up' })],
      }),
    );
    expect(JSON.stringify(diff(BASE, after))).not.toMatch(/zebra/i);
    const internal = changesOf(diff(BASE, after, 'internal'), 'status-page').find((c) => c.type === 'dependencies');
    expect(internal).toMatchObject({ added: [{ id: 'alerts' }, { id: 'zebra-billing' }], hiddenTo: 0 });
  });

  it('reports key-result target and current changes with the progress delta', () => {
    const after = edit(BASE, (c) => {
      const [availability, p95] = c.objectives.find((o) => o.id === 'uptime')!.keyResults;
      if (availability?.kind !== 'measured' || p95?.kind !== 'measured')
        throw new Error('measured key results expected');
      availability.current = 99.72;
      p95.target = 400;
    });
    const changes = changesOf(diff(BASE, after), 'uptime');
    expect(changes).toContainEqual({
      type: 'keyResult',
      change: 'changed',
      key: 'Availability',
      title: 'Availability',
      unit: '%',
      start: null,
      target: null,
      current: { from: 99.45, to: 99.72 },
      done: null,
      progressFrom: 0.5,
      progressTo: 0.8,
      delta: 0.3,
    });
    expect(changes).toContainEqual(
      expect.objectContaining({
        key: 'p95',
        target: { from: 300, to: 400 },
        progressFrom: 0.5,
        progressTo: 0.6,
        delta: 0.1,
      }),
    );
  });

  it('reports key results added and removed, and objective period, status and parent changes', () => {
    const after = edit(BASE, (c) => {
      const uptime = c.objectives.find((o) => o.id === 'uptime')!;
      uptime.keyResults = [
        uptime.keyResults[1]!,
        {
          kind: 'measured',
          id: null,
          title: 'Incidents',
          start: 10,
          target: 2,
          current: 6,
          unit: null,
          confidence: null,
        },
      ];
      uptime.period = '2027-Q2';
      uptime.status = 'at-risk';
      uptime.parent = 'grow';
    });
    const changes = changesOf(diff(BASE, after), 'uptime');
    expect(changes).toContainEqual(
      expect.objectContaining({ type: 'keyResult', change: 'added', title: 'Incidents', progressTo: 0.5 }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ type: 'keyResult', change: 'removed', title: 'Availability' }),
    );
    expect(changes).toContainEqual({ type: 'period', from: '2027-Q1', to: '2027-Q2' });
    expect(changes).toContainEqual(expect.objectContaining({ type: 'status', to: 'at-risk' }));
    expect(changes).toContainEqual(
      expect.objectContaining({ type: 'parent', from: null, to: expect.objectContaining({ id: 'grow' }) }),
    );
  });

  it('treats a moved file with the same id as the same entry, and a changed id as a removal and an addition', () => {
    const moved = edit(BASE, (c) => (itemOf(c, 'alerts').file = 'roadmap/alerts.mdx'));
    expect(diff(BASE, moved).changed).toEqual([]);
    const renamed = edit(BASE, (c) =>
      Object.assign(itemOf(c, 'alerts'), { id: 'alerting', file: 'roadmap/alerting.md' }),
    );
    const d = diff(BASE, renamed);
    expect(d.added.map((e) => e.id)).toEqual(['alerting']);
    expect(d.removed.map((e) => e.id)).toEqual(['alerts']);
  });

  it('reports everything as added when the content folder does not exist at base', () => {
    const d = diff(null, BASE, 'internal');
    expect(d.added.map((e) => e.id)).toEqual([
      'alerts',
      'exports',
      'old-thing',
      'status-page',
      'zebra-billing',
      'grow',
      'uptime',
      'mission',
      'vision',
    ]);
    expect(d.removed).toEqual([]);
  });

  describe('entries that become public', () => {
    const published = edit(BASE, (c) => {
      itemOf(c, 'exports').visibility = 'public';
      c.roadmap.push(item('widgets', { title: 'Widgets' }));
      c.roadmap.push(item('zebra-new', { title: 'Zebra new', visibility: 'internal' }));
    });

    it('lists, in an internal diff, an entry made public and a new public entry, not a new internal one', () => {
      const d = diff(BASE, published, 'internal');
      expect(d.becamePublic.map((e) => [e.id, e.reason])).toEqual([
        ['exports', 'made-public'],
        ['widgets', 'new'],
      ]);
      expect(changesOf(d, 'exports')).toEqual([{ type: 'visibility', from: 'internal', to: 'public' }]);
      expect(d.summary.becamePublic).toBe(2);
    });

    it('lists, in a public diff, an entry made public as newly published, and says nothing of its internal past', () => {
      const d = diff(BASE, published, 'public');
      expect(d.becamePublic.map((e) => [e.id, e.reason])).toEqual([
        ['exports', 'published'],
        ['widgets', 'published'],
      ]);
      expect(d.added.map((e) => e.id)).toEqual(['exports', 'widgets']);
      expect(JSON.stringify(d)).not.toMatch(/zebra|internal"/i);
    });

    it('shows an entry made internal as removed from the public site', () => {
      const hidden = edit(BASE, (c) => (itemOf(c, 'alerts').visibility = 'internal'));
      expect(diff(BASE, hidden, 'public').removed.map((e) => e.id)).toEqual(['alerts']);
      expect(changesOf(diff(BASE, hidden, 'internal'), 'alerts')).toEqual([
        { type: 'visibility', from: 'public', to: 'internal' },
      ]);
    });
  });

  it('never mixes audiences', () => {
    expect(() => diffViews(view(BASE, 'internal'), view(BASE, 'public'), meta('public'))).toThrow(
      /internal view given for a public diff/,
    );
  });
});

describe('itemMarkers', () => {
  it('marks new, slipped, status-changed and moved items, the most telling marker first', () => {
    const after = edit(BASE, (c) => {
      c.roadmap.push(item('widgets', { title: 'Widgets' }));
      itemOf(c, 'alerts').period = '2027-Q2'; // slipped (and its horizon moves too)
      itemOf(c, 'status-page').status = 'in-progress'; // status (its horizon moves to now too)
      Object.assign(itemOf(c, 'old-thing'), { horizon: 'next' }); // moved
    });
    const markers = itemMarkers(diff(BASE, after));
    expect(Object.fromEntries([...markers].map(([id, m]) => [id, m.marker]))).toEqual({
      widgets: 'new',
      alerts: 'slipped',
      'status-page': 'status',
      'old-thing': 'moved',
    });
    expect(markers.get('alerts')?.detail).toMatch(/^status|slipped 92 days, 1 quarter later: FY27 Q1 → FY27 Q2/);
  });

  // The timeline renderer draws preview markers itself (src/lib/timeline/svg.ts).
  const markedLayout = () =>
    layoutTimeline({
      items: [
        {
          id: 'alerts',
          title: 'Alerts',
          theme: 'Ops',
          status: 'in-progress',
          confidence: null,
          start: '2026-10-01',
          end: '2026-12-31',
          href: '/roadmap/alerts/',
        },
        {
          id: 'x',
          title: 'X',
          theme: 'Ops',
          status: 'planned',
          confidence: 'low',
          start: '2027-01-01',
          end: '2027-03-31',
          href: '/roadmap/x/',
        },
      ],
      themes: [{ id: 'Ops', color: '#2f6fed' }],
      milestones: [],
      dependencies: [],
      today: '2026-11-21',
      fiscalYearStartMonth: 1,
    });
  const svgOptions = { title: 'T', description: 'D', palette: PAGE_PALETTE, idPrefix: 't', standalone: false };

  it('marks the bars of a page’s timeline drawing', () => {
    const markers = new Map([['alerts', { marker: 'new' as const, label: 'New', detail: '' }]]);
    const svg = timelineSvg(markedLayout(), { ...svgOptions, inlineLinks: false, changes: markers });
    expect(svg).toContain('<g data-item="alerts" data-status="in-progress" data-change="new">');
    // Low confidence fades the bar, not its title, which keeps its full contrast.
    expect(svg).toMatch(/<g data-item="x" data-status="planned"><rect [^>]*opacity:0\.55"/);
    expect(svg).not.toMatch(/<text [^>]*opacity/);
  });

  it('marks the bars of a timeline drawing whose bars are links, and says how they changed', () => {
    const markers = new Map([['alerts', { marker: 'slipped' as const, label: 'Slipped', detail: '' }]]);
    const svg = timelineSvg(markedLayout(), { ...svgOptions, inlineLinks: true, changes: markers });
    expect(svg).toMatch(
      /<a href="\/roadmap\/alerts\/" aria-label="Alerts, In progress, 2026-10-01 to 2026-12-31, slipped in this preview" data-item="alerts" data-status="in-progress" data-change="slipped">/,
    );
    expect(svg).toMatch(
      /<a href="\/roadmap\/x\/" aria-label="X, Planned, 2027-01-01 to 2027-03-31, low confidence" data-item="x" data-status="planned"><rect [^>]*opacity:0\.55"/,
    );
  });
});

describe('redactDiff', () => {
  it('takes out every trace of hidden entries, keeping hidden references as counts', () => {
    const after = edit(BASE, (c) => {
      itemOf(c, 'status-page').dependsOn = ['alerts'];
      itemOf(c, 'alerts').status = 'shipped';
      c.roadmap = c.roadmap.filter((i) => i.id !== 'old-thing');
    });
    const d = diff(BASE, after);
    const redacted = redactDiff(d, (ref) => ref.id === 'alerts' || ref.id === 'old-thing');
    expect(redacted.changed).toEqual([
      expect.objectContaining({
        id: 'status-page',
        changes: [expect.objectContaining({ type: 'dependencies', added: [], hiddenFrom: 0, hiddenTo: 1 })],
      }),
    ]);
    expect(redacted.removed).toEqual([]);
    expect(redacted.summary).toMatchObject({ changed: 1, removed: 0 });
    expect(JSON.stringify(redacted)).not.toMatch(/alerts|old-thing/);
  });
});

describe('diffViews and the fields added for content written from the spec', () => {
  const uptime = (c: Content) => c.objectives.find((o) => o.id === 'uptime')!;

  it('reports an owner change on any entry, with every owner on each side', () => {
    const after = edit(BASE, (c) => {
      itemOf(c, 'alerts').owners = ['Ana', 'Li'];
    });
    expect(changesOf(diff(BASE, after), 'alerts')).toContainEqual({ type: 'owners', from: [], to: ['Ana', 'Li'] });
  });

  it('reports a tracker change on a roadmap item', () => {
    const after = edit(BASE, (c) => {
      itemOf(c, 'alerts').tracker = 'PLAT-12';
    });
    expect(changesOf(diff(BASE, after), 'alerts')).toContainEqual({ type: 'tracker', from: null, to: 'PLAT-12' });
  });

  it('reports a key result measured for the first time, from "not measured" to its value', () => {
    const before = edit(BASE, (c) => {
      const kr = uptime(c).keyResults[0]!;
      if (kr.kind === 'measured') kr.current = null;
    });
    const changes = changesOf(diff(before, BASE), 'uptime');
    expect(changes).toContainEqual(
      expect.objectContaining({
        type: 'keyResult',
        current: { from: null, to: 99.45 },
        progressFrom: null,
        delta: null,
      }),
    );
  });

  it('reports a milestone key result done', () => {
    const withMilestone = (done: boolean) =>
      edit(BASE, (c) => {
        uptime(c).keyResults.push({ kind: 'milestone', id: 'launch', title: 'Launch', done });
      });
    expect(changesOf(diff(withMilestone(false), withMilestone(true)), 'uptime')).toContainEqual(
      expect.objectContaining({ type: 'keyResult', key: 'launch', done: { from: false, to: true }, delta: 1 }),
    );
  });

  it('reports an objective’s own dates moving within the same period, as dates', () => {
    const after = edit(BASE, (c) => {
      uptime(c).end = '2026-05-31';
    });
    expect(changesOf(diff(BASE, after), 'uptime')).toContainEqual(
      expect.objectContaining({
        type: 'dates',
        from: { start: '2026-04-01', end: '2026-06-30' },
        to: { start: '2026-04-01', end: '2026-05-31' },
      }),
    );
  });
});
