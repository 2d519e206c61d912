import { describe, expect, it } from 'vitest';
import { roadmapJson } from '../../src/lib/export/roadmap-json.ts';
import { audienceView } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience, Content } from '../../src/lib/model/types.ts';
import { makeLinks } from '../../src/lib/site/links.ts';
import { content, item, objective, site } from './helpers/content.ts';

/**
 * Fiscal year from April; today 2026-05-15 is in FY27 Q1 (2026-04-01..2026-06-30), so the
 * next quarter, FY27 Q2, ends 2026-09-30. Entries are deliberately out of id order.
 */
const TODAY = '2026-05-15';

const CONTENT: Content = content({
  site: site({ title: 'Acme Roadmap', url: 'https://roadmap.acme.example', fiscalYearStartMonth: 4 }),
  roadmap: [
    item('search', {
      title: 'Search',
      summary: 'Find anything',
      theme: 'Findability',
      status: 'planned',
      period: '2027-Q2',
    }),
    item('portal', {
      title: 'Public portal',
      summary: 'A public page for the roadmap',
      theme: 'Trust',
      status: 'in-progress',
      start: '2026-04-01',
      end: '2026-06-30',
      objectives: ['zebra-goal', 'grow'],
      dependsOn: ['zebra-infra', 'search'],
      team: 'Web',
      confidence: 'high',
      tags: ['web', 'portal'],
    }),
    item('zebra-infra', { visibility: 'internal', title: 'Zebra infra', theme: 'Ops' }),
    item('archive', {
      title: 'Archive',
      summary: 'Old roadmaps stay readable',
      theme: 'Trust',
      status: 'shipped',
      start: '2025-10-01',
      end: '2026-01-31',
    }),
  ],
  objectives: [
    objective('grow', {
      title: 'Grow usage',
      period: '2027',
      keyResults: [
        {
          kind: 'measured',
          id: 'readers',
          title: 'Weekly readers',
          start: 0,
          target: 3,
          current: 1,
          unit: null,
          confidence: 0.7,
        },
        { kind: 'measured', id: null, title: 'Churn', start: 5, target: 3, current: 4, unit: '%', confidence: null },
      ],
    }),
    objective('child', {
      title: 'Launch the portal',
      period: '2027-Q1',
      parent: 'grow',
      status: 'at-risk',
      keyResults: [
        {
          kind: 'measured',
          id: null,
          title: 'Pages live',
          start: 0,
          target: 10,
          current: 10,
          unit: 'pages',
          confidence: null,
        },
      ],
    }),
    objective('adopted', { title: 'Adopted', period: '2027-H2', parent: 'zebra-goal' }),
    objective('zebra-goal', { visibility: 'internal', title: 'Zebra goal' }),
  ],
});

const LINKS = makeLinks('/pr-42/', 'https://roadmap.acme.example');

const jsonOf = (c: Content = CONTENT, audience: Audience = 'public', links = LINKS) =>
  roadmapJson(audienceView(resolveContent(c, TODAY), audience), links);

describe('roadmapJson', () => {
  it('writes the document the spec describes, for what the public may see', () => {
    expect(jsonOf()).toEqual({
      site: { title: 'Acme Roadmap', url: 'https://roadmap.acme.example/pr-42/' },
      today: '2026-05-15',
      items: [
        {
          id: 'archive',
          title: 'Archive',
          summary: 'Old roadmaps stay readable',
          theme: 'Trust',
          status: 'shipped',
          horizon: null,
          start: '2025-10-01',
          end: '2026-01-31',
          objectives: [],
          dependsOn: [],
          team: null,
          confidence: null,
          tags: [],
          url: 'https://roadmap.acme.example/pr-42/roadmap/archive/',
          period: null,
          owners: [],
          tracker: null,
        },
        {
          id: 'portal',
          title: 'Public portal',
          summary: 'A public page for the roadmap',
          theme: 'Trust',
          status: 'in-progress',
          horizon: 'now',
          start: '2026-04-01',
          end: '2026-06-30',
          objectives: ['grow'],
          dependsOn: ['search'],
          team: 'Web',
          confidence: 'high',
          tags: ['web', 'portal'],
          url: 'https://roadmap.acme.example/pr-42/roadmap/portal/',
          period: null,
          owners: [],
          tracker: null,
        },
        {
          id: 'search',
          title: 'Search',
          summary: 'Find anything',
          theme: 'Findability',
          status: 'planned',
          horizon: 'next',
          start: '2026-07-01',
          end: '2026-09-30',
          objectives: [],
          dependsOn: [],
          team: null,
          confidence: null,
          tags: [],
          url: 'https://roadmap.acme.example/pr-42/roadmap/search/',
          period: '2027-Q2',
          owners: [],
          tracker: null,
        },
      ],
      objectives: [
        {
          id: 'adopted',
          title: 'Adopted',
          period: '2027-H2',
          start: '2026-10-01',
          end: '2027-03-31',
          progress: 0.5,
          status: 'on-track',
          parent: null,
          keyResults: [
            { title: 'Users', start: 0, target: 100, current: 50, unit: null, progress: 0.5, kind: 'measured' },
          ],
          owners: [],
        },
        {
          id: 'child',
          title: 'Launch the portal',
          period: '2027-Q1',
          start: '2026-04-01',
          end: '2026-06-30',
          progress: 1,
          status: 'at-risk',
          parent: 'grow',
          keyResults: [
            { title: 'Pages live', start: 0, target: 10, current: 10, unit: 'pages', progress: 1, kind: 'measured' },
          ],
          owners: [],
        },
        {
          id: 'grow',
          title: 'Grow usage',
          period: '2027',
          start: '2026-04-01',
          end: '2027-03-31',
          progress: 0.4167,
          status: 'on-track',
          parent: null,
          keyResults: [
            {
              title: 'Weekly readers',
              start: 0,
              target: 3,
              current: 1,
              unit: null,
              progress: 0.3333,
              kind: 'measured',
            },
            { title: 'Churn', start: 5, target: 3, current: 4, unit: '%', progress: 0.5, kind: 'measured' },
          ],
          owners: [],
        },
      ],
    });
  });

  it('writes its keys in the order of the spec', () => {
    const json = jsonOf();
    expect(Object.keys(json)).toEqual(['site', 'today', 'items', 'objectives']);
    expect(Object.keys(json.site)).toEqual(['title', 'url']);
    expect(Object.keys(json.items[0]!)).toEqual([
      'id',
      'title',
      'summary',
      'theme',
      'status',
      'horizon',
      'start',
      'end',
      'objectives',
      'dependsOn',
      'team',
      'confidence',
      'tags',
      'url',
      'period',
      'owners',
      'tracker',
    ]);
    expect(Object.keys(json.objectives[0]!)).toEqual([
      'id',
      'title',
      'period',
      'start',
      'end',
      'progress',
      'status',
      'parent',
      'keyResults',
      'owners',
    ]);
    expect(Object.keys(json.objectives[0]!.keyResults[0]!)).toEqual([
      'title',
      'start',
      'target',
      'current',
      'unit',
      'progress',
      'kind',
    ]);
  });

  it('sorts items, objectives and each item’s references by id', () => {
    const json = jsonOf(CONTENT, 'internal');
    expect(json.items.map((i) => i.id)).toEqual(['archive', 'portal', 'search', 'zebra-infra']);
    expect(json.objectives.map((o) => o.id)).toEqual(['adopted', 'child', 'grow', 'zebra-goal']);
    const portal = json.items.find((i) => i.id === 'portal')!;
    expect(portal.objectives).toEqual(['grow', 'zebra-goal']);
    expect(portal.dependsOn).toEqual(['search', 'zebra-infra']);
  });

  it('keeps key results and tags in the order their author wrote them', () => {
    const json = jsonOf();
    expect(json.items.find((i) => i.id === 'portal')!.tags).toEqual(['web', 'portal']);
    expect(json.objectives.find((o) => o.id === 'grow')!.keyResults.map((kr) => kr.title)).toEqual([
      'Weekly readers',
      'Churn',
    ]);
  });

  it('rounds progress to four decimals', () => {
    const grow = jsonOf().objectives.find((o) => o.id === 'grow')!;
    expect(grow.keyResults[0]!.progress).toBe(0.3333);
    expect(grow.progress).toBe(0.4167);
  });

  it('contains internal entries only for the internal audience', () => {
    expect(JSON.stringify(jsonOf())).not.toMatch(/zebra/i);
    expect(JSON.stringify(jsonOf(CONTENT, 'internal'))).toMatch(/zebra-infra/);
  });

  it('writes root-relative urls and a null site url when site.yaml has no url', () => {
    const noUrl = { ...CONTENT, site: { ...CONTENT.site, url: null } };
    const json = jsonOf(noUrl, 'public', makeLinks('/pr-42/', null));
    expect(json.site.url).toBeNull();
    expect(json.items[0]!.url).toBe('/pr-42/roadmap/archive/');
  });

  it('writes urls under the root when there is no base path', () => {
    const json = jsonOf(CONTENT, 'public', makeLinks('/', 'https://roadmap.acme.example'));
    expect(json.site.url).toBe('https://roadmap.acme.example/');
    expect(json.items[0]!.url).toBe('https://roadmap.acme.example/roadmap/archive/');
  });

  it('gives identical output for the same content, twice', () => {
    expect(JSON.stringify(jsonOf())).toBe(JSON.stringify(jsonOf()));
  });

  it('gives identical output whatever order the entries come in', () => {
    const shuffled: Content = {
      ...CONTENT,
      roadmap: [...CONTENT.roadmap].reverse(),
      objectives: [...CONTENT.objectives].reverse(),
    };
    expect(JSON.stringify(jsonOf(shuffled))).toBe(JSON.stringify(jsonOf()));
  });
});
