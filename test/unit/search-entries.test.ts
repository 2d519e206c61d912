import { describe, expect, it } from 'vitest';
import { separateBlocks } from '../../src/integrations/search-index.ts';
import { type SiteView, audienceView } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience } from '../../src/lib/model/types.ts';
import { backlogSearchRecords, pageSearchEntry } from '../../src/lib/search/entries.ts';
import { makeLinks } from '../../src/lib/site/links.ts';
import { backlogItem, content, item, mission, objective, site, vision, wikiPage } from './helpers/content.ts';

/** Internal entries carry "zebra", as in the build fixtures. */
const WORLD = content({
  site: site({ fiscalYearStartMonth: 4 }),
  mission: mission({ visibility: 'public', statement: 'We make plans people can trust.' }),
  vision: vision({ visibility: 'internal', title: 'Zebra vision' }),
  objectives: [objective('grow', { title: 'Grow usage', period: '2027-H1', status: 'at-risk' })],
  roadmap: [
    item('portal', {
      title: 'Public portal',
      theme: 'Trust',
      status: 'in-progress',
      start: '2026-05-01',
      end: '2026-10-15',
      team: 'Platform',
    }),
    item('someday', { title: 'Someday', theme: 'Speed', status: 'exploring' }),
    item('zebra-hosting', { visibility: 'internal', title: 'Zebra hosting', theme: 'Zebra Den', team: 'ZebraTeam' }),
  ],
  backlog: [
    backlogItem('B-2', {
      title: 'Second story',
      epic: 'portal',
      type: 'defect',
      status: 'wont-do',
      sprint: 'S1',
      points: 1,
    }),
    backlogItem('B-1', { title: 'First story', epic: 'portal', status: 'in-progress', points: 3 }),
    backlogItem('B-3', { title: 'Story of a hidden epic', epic: 'zebra-hosting' }),
    backlogItem('ZEBRA-4', { visibility: 'internal', title: 'Zebra story', epic: 'portal' }),
  ],
  wiki: [wikiPage('guides/plan', { title: 'How we plan', summary: 'Every quarter.' })],
});

const viewOf = (audience: Audience): SiteView => audienceView(resolveContent(WORLD, '2026-05-15'), audience);
const links = makeLinks('/pr-7/', null);

describe('pageSearchEntry', () => {
  const view = viewOf('public');

  it('gives a roadmap item every facet it has, with the labels readers see', () => {
    expect(pageSearchEntry(view, { kind: 'roadmap', entry: view.item('portal')! })).toEqual({
      meta: {
        title: 'Public portal',
        kind: 'Roadmap item',
        summary: 'Summary of portal',
        status: 'In progress',
        theme: 'Trust',
      },
      filters: {
        kind: ['Roadmap item'],
        status: ['In progress'],
        theme: ['Trust'],
        horizon: ['Now'],
        team: ['Platform'],
        // Fiscal year from April: May..October 2026 is FY27 Q1 and Q2, and Q3 begins 1 October.
        period: ['FY27 Q1', 'FY27 Q2', 'FY27 Q3'],
      },
    });
  });

  it('leaves out the facets an undated item without a team does not have', () => {
    expect(pageSearchEntry(view, { kind: 'roadmap', entry: view.item('someday')! }).filters).toEqual({
      kind: ['Roadmap item'],
      status: ['Exploring'],
      theme: ['Speed'],
      horizon: ['Later'],
    });
  });

  it('files an objective under its status and every fiscal quarter of its period', () => {
    expect(pageSearchEntry(view, { kind: 'objective', entry: view.objective('grow')! })).toEqual({
      meta: { title: 'Grow usage', kind: 'Objective', summary: 'FY27 H1 objective', status: 'At risk' },
      filters: { kind: ['Objective'], status: ['At risk'], period: ['FY27 Q1', 'FY27 Q2'] },
    });
  });

  it('uses the statement of a foundation page and the summary of a wiki page', () => {
    expect(pageSearchEntry(view, { kind: 'mission', entry: view.mission! }).meta.summary).toBe(
      'We make plans people can trust.',
    );
    expect(pageSearchEntry(view, { kind: 'wiki', entry: view.wiki[0]! })).toEqual({
      meta: { title: 'How we plan', kind: 'Wiki page', summary: 'Every quarter.' },
      filters: { kind: ['Wiki page'] },
    });
  });

  it('marks internal entries only in the internal build', () => {
    const internal = viewOf('internal');
    expect(pageSearchEntry(internal, { kind: 'roadmap', entry: internal.item('zebra-hosting')! }).meta.internal).toBe(
      'yes',
    );
    expect(
      pageSearchEntry(internal, { kind: 'roadmap', entry: internal.item('portal')! }).meta.internal,
    ).toBeUndefined();
  });
});

describe('backlogSearchRecords', () => {
  it('makes one record per visible backlog item, sorted by id, linking to its row without the base path', () => {
    const records = backlogSearchRecords(viewOf('public'), links);
    expect(records.map((r) => r.url)).toEqual(['/backlog/#item-B-1', '/backlog/#item-B-2', '/backlog/#item-B-3']);
    expect(records[1]).toEqual({
      url: '/backlog/#item-B-2',
      content: 'Second story. Defect B-2 · sprint S1 · 1 point.',
      language: 'en',
      meta: {
        label: 'Second story',
        kind: 'Backlog item',
        summary: 'Defect B-2 · sprint S1 · 1 point',
        status: "Won't do",
        theme: 'Trust',
      },
      filters: { kind: ['Backlog item'], status: ["Won't do"], theme: ['Trust'], team: ['Platform'] },
    });
  });

  it('gives a story of a hidden epic no theme or team, and names the epic nowhere', () => {
    const record = backlogSearchRecords(viewOf('public'), links).find((r) => r.url.endsWith('B-3'))!;
    expect(record.filters).toEqual({ kind: ['Backlog item'], status: ['To do'] });
    expect(JSON.stringify(record)).not.toMatch(/zebra/i);
  });

  it('holds nothing from internal entries in a public build', () => {
    expect(JSON.stringify(backlogSearchRecords(viewOf('public'), links))).not.toMatch(/zebra/i);
    expect(JSON.stringify(backlogSearchRecords(viewOf('internal'), links))).toMatch(/zebra/i);
  });
});

describe('separateBlocks', () => {
  it('keeps the words of definition lists and header cells apart, which pagefind would join', () => {
    expect(
      separateBlocks('<dl><dt>Team</dt><dd>Platform</dd></dl><table><tr><th>Id</th><th>Title</th></tr></table>'),
    ).toBe('<dl><dt>Team</dt> <dd>Platform</dd> </dl> <table><tr><th>Id</th> <th>Title</th> </tr> </table> ');
  });
});
