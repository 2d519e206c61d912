import { describe, expect, it } from 'vitest';
import { type SiteView, audienceView } from '../../src/lib/model/audience.ts';
import { driftFlags } from '../../src/lib/model/drift.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience, Content } from '../../src/lib/model/types.ts';
import {
  DEFAULT_TRACE_SORT,
  TRACE_SORTS,
  backlogSprints,
  comparisonRows,
  roadmapSpan,
  sortTraceRows,
  sprintSpan,
  statusCounts,
  traceRows,
  traceSort,
  traceSortFromSegment,
  typeCounts,
} from '../../src/lib/site/backlog-compare.ts';
import { backlogSummary, naturalCompare } from '../../src/lib/site/page-data.ts';
import { backlogItem, content, item, site } from './helpers/content.ts';

const TODAY = '2026-11-21';
const view = (overrides: Partial<Content>, audience: Audience = 'internal'): SiteView =>
  audienceView(resolveContent(content(overrides), TODAY), audience);

/** Two themes, one internal item ("zebra"), public and internal backlog items. */
const WORLD: Partial<Content> = {
  site: site({
    fiscalYearStartMonth: 4,
    themes: [
      { id: 'Trust', color: null, description: null },
      { id: 'Speed', color: null, description: null },
    ],
  }),
  roadmap: [
    item('search', {
      title: 'Search',
      theme: 'Speed',
      status: 'planned',
      start: '2027-01-01',
      end: '2027-03-31',
      horizon: 'later',
    }),
    item('portal', { title: 'Portal', theme: 'Trust', status: 'in-progress', start: '2026-10-01', end: '2027-01-31' }),
    item('audit', { title: 'Audit', theme: 'Trust', status: 'shipped', start: '2026-04-01', end: '2026-06-30' }),
    item('someday', { title: 'Someday', theme: 'Speed', status: 'exploring' }),
    item('zebra-hosting', {
      visibility: 'internal',
      title: 'Zebra hosting',
      theme: 'Trust',
      status: 'planned',
      start: '2027-04-01',
      end: '2027-09-30',
      horizon: 'later',
    }),
  ],
  backlog: [
    backlogItem('P-1', { epic: 'portal', status: 'done', points: 5, sprint: '2026-S9' }),
    backlogItem('P-2', { epic: 'portal', status: 'in-progress', points: 3, sprint: '2026-S10' }),
    backlogItem('P-3', { epic: 'portal', type: 'defect', status: 'todo', points: 2, sprint: '2026-S10' }),
    backlogItem('P-4', { epic: 'portal', type: 'task', status: 'wont-do', points: 8 }),
    backlogItem('A-1', { epic: 'audit', status: 'done', points: 3, sprint: '2026-S2' }),
    backlogItem('A-2', { epic: 'audit', type: 'defect', status: 'todo', sprint: '2026-S11' }),
    backlogItem('ORPHAN-1', { type: 'spike', status: 'todo' }),
    backlogItem('ZEBRA-1', { visibility: 'internal', epic: 'portal', status: 'todo', points: 13, sprint: '2026-S12' }),
    backlogItem('ZEBRA-2', { visibility: 'internal', epic: 'zebra-hosting', status: 'todo', sprint: '2027-S1' }),
    backlogItem('ZEBRA-3', { visibility: 'internal', type: 'defect', status: 'todo' }),
  ],
};

describe('naturalCompare', () => {
  it('orders sprint names by their numbers', () => {
    expect(['2026-S10', '2026-S9', '2027-S1', '2026-S2', 'S-10', 'S-9'].sort(naturalCompare)).toEqual([
      '2026-S2',
      '2026-S9',
      '2026-S10',
      '2027-S1',
      'S-9',
      'S-10',
    ]);
  });

  it('is a total order, so equal-looking names still sort the same way every time', () => {
    expect(naturalCompare('S1', 's1')).not.toBe(0);
    expect(naturalCompare('S01', 'S1')).not.toBe(0);
  });
});

describe('backlog summary wording', () => {
  it('counts by type in the usual order, leaving out zeros', () => {
    const s = backlogSummary(view(WORLD).backlogByEpic.get('portal')!);
    expect(typeCounts(s)).toBe('3 stories, 1 defect, 1 task');
    expect(statusCounts(s)).toBe("1 done, 1 in progress, 2 to do, 1 won't do");
    expect(typeCounts(backlogSummary([]))).toBe('no items');
  });

  it('says a sprint span from first to last', () => {
    expect(sprintSpan([])).toBe('—');
    expect(sprintSpan(['2026-S9'])).toBe('2026-S9');
    expect(sprintSpan(['2026-S9', '2026-S10', '2026-S12'])).toBe('2026-S9 – 2026-S12');
  });

  it('lists the sprints of a backlog naturally sorted, once each', () => {
    expect(backlogSprints(view(WORLD).backlog)).toEqual([
      '2026-S2',
      '2026-S9',
      '2026-S10',
      '2026-S11',
      '2026-S12',
      '2027-S1',
    ]);
    expect(backlogSprints(view(WORLD, 'public').backlog)).toEqual(['2026-S2', '2026-S9', '2026-S10', '2026-S11']);
  });
});

describe('the roadmap-vs-backlog comparison', () => {
  it('spans the fiscal quarters from the first start to the last end', () => {
    expect(roadmapSpan(view(WORLD))).toEqual({
      start: '2026-04-01',
      end: '2027-09-30',
      quarters: ['FY27 Q1', 'FY27 Q2', 'FY27 Q3', 'FY27 Q4', 'FY28 Q1', 'FY28 Q2'],
    });
    expect(roadmapSpan(view({ roadmap: [item('undated')] }))).toBeNull();
  });

  it('fills the four rows from the internal view, counting everything', () => {
    const rows = comparisonRows(view(WORLD));
    expect(rows.map((r) => r.label)).toEqual(['Content', 'Audience', 'Intent', 'Time frame']);
    expect(rows[0]).toEqual({
      aspect: 'content',
      label: 'Content',
      roadmap: ['2 themes, 5 roadmap items (epics)'],
      backlog: ['5 stories, 3 defects, 1 task, 1 spike', "2 done, 1 in progress, 6 to do, 1 won't do"],
    });
    expect(rows[1]!.roadmap[1]).toBe('This internal build shows all 5 roadmap items: 4 public, 1 internal only.');
    expect(rows[1]!.backlog[1]).toBe('This internal build shows all 10 backlog items: 7 public, 3 internal only.');
    expect(rows[3]).toEqual({
      aspect: 'time',
      label: 'Time frame',
      roadmap: ['FY27 Q1 – FY28 Q2: 6 fiscal quarters', '1 Apr 2026 to 30 Sep 2027', '1 item not scheduled'],
      backlog: ['2026-S2 – 2027-S1: 6 sprints', '3 items in no sprint'],
    });
  });

  it('counts public entries only in a public view, and mentions no internal one', () => {
    const rows = comparisonRows(view(WORLD, 'public'));
    expect(rows[0]!.roadmap).toEqual(['2 themes, 4 roadmap items (epics)']);
    expect(rows[0]!.backlog[0]).toBe('3 stories, 2 defects, 1 task, 1 spike');
    expect(rows[1]!.roadmap[1]).toBe('This public site shows 4 roadmap items, to anyone.');
    expect(rows[1]!.backlog[1]).toBe('This public site shows 7 backlog items, to anyone.');
    expect(rows[3]!.roadmap[0]).toBe('FY27 Q1 – FY27 Q4: 4 fiscal quarters');
    expect(rows[3]!.backlog).toEqual(['2026-S2 – 2026-S11: 4 sprints', '2 items in no sprint']);
    expect(JSON.stringify(rows)).not.toMatch(/zebra|internal/i);
  });

  it('says how far ahead each side looks from the data, not in canned words', () => {
    const rows = comparisonRows(view(WORLD));
    expect(rows[2]!.roadmap[1]).toMatch(/^Looks \d+ months? ahead: open items run to \d+ \w+ \d{4}\.$/);
    expect(rows[2]!.backlog.slice(1)).toEqual([
      'Open work is planned into 4 sprints (2026-S10 – 2027-S1).',
      '2 open items in no sprint.',
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/one or two sprints|about three months/);
  });

  it('says the backlog names no sprints when none of its open work is in one', () => {
    const rows = comparisonRows(
      view({ roadmap: [item('a')], backlog: [backlogItem('B-1', { epic: 'a', status: 'todo' })] }),
    );
    expect(rows[2]!.backlog[1]).toBe('No sprints: none of the 1 open item is planned into one.');
    expect(rows[2]!.roadmap[1]).toBe('No open item is dated beyond today.');
  });

  it('says so when there is nothing to compare', () => {
    const rows = comparisonRows(view({}));
    expect(rows[0]!.backlog).toEqual(['No backlog items']);
    expect(rows[3]!.roadmap).toEqual(['No dated items']);
    expect(rows[3]!.backlog).toEqual(['No sprints']);
  });
});

describe('the traceability table', () => {
  it('has a row per visible item with its backlog in numbers and its drift flags', () => {
    const v = view(WORLD);
    const rows = traceRows(v, driftFlags(v));
    const portal = rows.find((r) => r.item.id === 'portal')!;
    expect(portal.backlog).toMatchObject({
      total: 5,
      byType: { story: 3, defect: 1, task: 1, spike: 0 },
      byStatus: { todo: 2, 'in-progress': 1, done: 1, 'wont-do': 1 },
      pointsDone: 5,
      pointsTotal: 23,
      sprints: ['2026-S9', '2026-S10', '2026-S12'],
    });
    expect(portal.backlog.done).toBeCloseTo(1 / 4);
    expect(rows.find((r) => r.item.id === 'audit')!.drift.map((f) => f.kind)).toEqual(['shipped-with-open-defects']);
  });

  it('counts only public backlog in a public view', () => {
    const v = view(WORLD, 'public');
    const rows = traceRows(v, driftFlags(v));
    expect(rows.map((r) => r.item.id)).not.toContain('zebra-hosting');
    const portal = rows.find((r) => r.item.id === 'portal')!;
    expect(portal.backlog).toMatchObject({
      total: 4,
      pointsDone: 5,
      pointsTotal: 10,
      sprints: ['2026-S9', '2026-S10'],
    });
    expect(portal.backlog.done).toBeCloseTo(1 / 3);
  });

  it('sorts by theme (site.yaml order), then start date, by default', () => {
    const v = view(WORLD);
    expect(traceRows(v, []).map((r) => r.item.id)).toEqual(['audit', 'portal', 'zebra-hosting', 'search', 'someday']);
  });

  it('sorts by every sortable column', () => {
    const v = view(WORLD);
    const rows = traceRows(v, driftFlags(v));
    const order = (key: Parameters<typeof sortTraceRows>[1]) => sortTraceRows(rows, key).map((r) => r.item.id);
    expect(order('item')).toEqual(['audit', 'portal', 'search', 'someday', 'zebra-hosting']);
    expect(order('status')).toEqual(['someday', 'zebra-hosting', 'search', 'portal', 'audit']);
    expect(order('when')).toEqual(['audit', 'portal', 'search', 'zebra-hosting', 'someday']);
    expect(order('size')).toEqual(['search', 'someday', 'zebra-hosting', 'audit', 'portal']);
    // No planned backlog sorts before 0% done.
    expect(order('done')).toEqual(['search', 'someday', 'zebra-hosting', 'portal', 'audit']);
    expect(order('drift')[0]).toBe('audit');
  });

  it('offers one pre-rendered page per sort, off /backlog/ so it stays a few screens', () => {
    expect(traceSort(DEFAULT_TRACE_SORT).path).toBe('backlog/by-theme/');
    expect(TRACE_SORTS.map((s) => s.path)).toEqual([
      'backlog/by-theme/',
      'backlog/by-item/',
      'backlog/by-status/',
      'backlog/by-when/',
      'backlog/by-size/',
      'backlog/by-done/',
      'backlog/by-drift/',
    ]);
    expect(traceSort('drift').direction).toBe('descending');
    expect(traceSortFromSegment('by-status')).toBe('status');
    expect(traceSortFromSegment('by-theme')).toBe('theme');
    expect(traceSortFromSegment('status')).toBeNull();
    expect(traceSortFromSegment('by-nonsense')).toBeNull();
  });
});
