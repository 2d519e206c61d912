import { describe, expect, it } from 'vitest';
import { type SiteView, audienceView, canSee } from '../../src/lib/model/audience.ts';
import { THEME_PALETTE } from '../../src/lib/model/theme-palette.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience, Content } from '../../src/lib/model/types.ts';
import {
  backlogItem,
  content,
  item,
  mission,
  objective,
  site,
  strategyDoc,
  vision,
  wikiPage,
} from './helpers/content.ts';

/**
 * A content set where every internal entry's id and title contain "zebra" (the canary), and
 * public entries refer to internal ones in every way the model allows.
 */
const WORLD: Content = content({
  site: site({
    themes: [
      { id: 'Trust', color: '#2f6fed', description: 'Make the roadmap believable' },
      { id: 'Acquisitions', color: '#000000', description: 'Zebra deal flow' }, // only internal items use it
      { id: 'Speed', color: null, description: null },
      { id: 'Unused', color: null, description: null }, // no item uses it
    ],
  }),
  mission: mission({ visibility: 'public', statement: 'We make plans people can trust.' }),
  vision: vision({ visibility: 'internal', title: 'Zebra vision', statement: 'Zebra everywhere.' }),
  strategy: [
    strategyDoc('market', { title: 'Market', order: 2 }),
    strategyDoc('zebra-pricing', { visibility: 'internal', title: 'Zebra pricing', order: 1 }),
  ],
  objectives: [
    objective('grow', { title: 'Grow usage' }),
    objective('zebra-revenue', { visibility: 'internal', title: 'Zebra revenue' }),
    objective('child', { title: 'Child of grow', parent: 'grow' }),
    objective('zebra-child', { visibility: 'internal', title: 'Zebra child', parent: 'grow' }),
    objective('adopted', { title: 'Public child of an internal parent', parent: 'zebra-revenue' }),
  ],
  roadmap: [
    item('portal', {
      title: 'Public portal',
      theme: 'Trust',
      objectives: ['grow', 'zebra-revenue'],
      dependsOn: ['zebra-hosting', 'search'],
    }),
    item('search', { title: 'Search', theme: 'Speed', objectives: ['grow'] }),
    item('zebra-hosting', {
      visibility: 'internal',
      title: 'Zebra hosting',
      summary: 'Zebra summary',
      theme: 'Acquisitions',
      objectives: ['grow', 'zebra-revenue'],
      dependsOn: ['search'],
      tags: ['zebra-tag'],
    }),
    item('alerts', { title: 'Alerts', theme: 'Notifications' }),
    item('billing', { title: 'Billing', theme: 'Billing' }),
    item('zebra-secret', { visibility: 'internal', title: 'Zebra secret', theme: 'Zebra Den', dependsOn: ['portal'] }),
  ],
  backlog: [
    backlogItem('B-1', { title: 'Render home', epic: 'portal' }),
    backlogItem('B-2', { title: 'Public story of an internal epic', epic: 'zebra-hosting' }),
    backlogItem('B-3', { title: 'Public orphan' }),
    backlogItem('ZEBRA-4', { visibility: 'internal', title: 'Zebra story', epic: 'portal' }),
    backlogItem('ZEBRA-5', { visibility: 'internal', title: 'Zebra orphan' }),
  ],
  wiki: [
    wikiPage('guides/how-we-plan', { title: 'How we plan' }),
    wikiPage('zebra-den/secret', { visibility: 'internal', title: 'Zebra den' }),
  ],
});

const TODAY = '2026-05-15';
const viewOf = (audience: Audience, c: Content = WORLD): SiteView => audienceView(resolveContent(c, TODAY), audience);
const ids = (list: { id: string }[]) => list.map((e) => e.id).sort();

/** JSON of a view with every Map written out as its entries, as a page or feed might. */
const serialize = (view: SiteView) =>
  JSON.stringify(view, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value));

describe('canSee', () => {
  it('lets the internal audience see everything and the public audience only public entries', () => {
    expect(canSee('internal', { visibility: 'internal' })).toBe(true);
    expect(canSee('internal', { visibility: 'public' })).toBe(true);
    expect(canSee('public', { visibility: 'public' })).toBe(true);
    expect(canSee('public', { visibility: 'internal' })).toBe(false);
  });
});

describe('audienceView for the public', () => {
  const view = viewOf('public');

  it('says which audience it is for and which day it was made for', () => {
    expect(view.audience).toBe('public');
    expect(view.today).toBe(TODAY);
  });

  it('drops internal entries of every kind', () => {
    expect(ids(view.strategy)).toEqual(['market']);
    expect(ids(view.objectives)).toEqual(['adopted', 'child', 'grow']);
    expect(ids(view.roadmap)).toEqual(['alerts', 'billing', 'portal', 'search']);
    expect(ids(view.backlog)).toEqual(['B-1', 'B-2', 'B-3']);
    expect(ids(view.wiki)).toEqual(['guides/how-we-plan']);
  });

  it('keeps a public mission and leaves an internal vision out (null)', () => {
    expect(view.mission?.statement).toBe('We make plans people can trust.');
    expect(view.vision).toBeNull();
  });

  it('leaves an internal mission out (null)', () => {
    const v = viewOf('public', { ...WORLD, mission: mission({ visibility: 'internal' }) });
    expect(v.mission).toBeNull();
  });

  it('does not find internal entries by id', () => {
    expect(view.item('zebra-hosting')).toBeUndefined();
    expect(view.objective('zebra-revenue')).toBeUndefined();
    expect(view.item('portal')?.title).toBe('Public portal');
    expect(view.objective('grow')?.title).toBe('Grow usage');
  });

  it('keeps only a count of the internal objectives a public item serves', () => {
    expect(view.item('portal')).toMatchObject({ objectives: ['grow'], hiddenObjectiveCount: 1 });
    expect(view.item('search')).toMatchObject({ objectives: ['grow'], hiddenObjectiveCount: 0 });
  });

  it('keeps only a count of the internal items a public item depends on', () => {
    expect(view.item('portal')).toMatchObject({ dependsOn: ['search'], hiddenDependencyCount: 1 });
  });

  it('never lists an internal item among the dependents of a public one', () => {
    // zebra-hosting depends on search, zebra-secret on portal.
    expect(view.item('search')!.dependents).toEqual(['portal']);
    expect(view.item('portal')!.dependents).toEqual([]);
  });

  it('never lists an internal item among the items that serve an objective', () => {
    expect(view.objective('grow')!.items).toEqual(['portal', 'search']);
  });

  it('never lists an internal objective among the children of a public one', () => {
    expect(view.objective('grow')!.children).toEqual(['child']);
  });

  it('gives a public objective with an internal parent no parent, and says one is hidden', () => {
    expect(view.objective('adopted')).toMatchObject({ parent: null, hiddenParent: true });
    expect(view.objective('child')).toMatchObject({ parent: 'grow', hiddenParent: false });
    expect(view.objective('grow')).toMatchObject({ parent: null, hiddenParent: false });
  });

  it('gives a public backlog item of an internal epic no epic, and says one is hidden', () => {
    const b2 = view.backlog.find((b) => b.id === 'B-2')!;
    expect(b2).toMatchObject({ epic: null, hiddenEpic: true });
    const b1 = view.backlog.find((b) => b.id === 'B-1')!;
    expect(b1).toMatchObject({ epic: 'portal', hiddenEpic: false });
  });

  it('groups only public backlog items, under public epics only', () => {
    expect([...view.backlogByEpic.keys()]).toEqual(['portal']);
    expect(ids(view.backlogByEpic.get('portal')!)).toEqual(['B-1']);
  });

  it('counts as orphans only public items that have no epic at all, not those whose epic is hidden', () => {
    expect(ids(view.orphanBacklog)).toEqual(['B-3']);
  });

  it('lists only themes that public items use: declared ones in site.yaml order, then the rest alphabetically', () => {
    expect(view.themes.map((t) => t.id)).toEqual(['Trust', 'Speed', 'Billing', 'Notifications']);
    expect(view.theme('Acquisitions')).toBeUndefined();
    expect(view.theme('Zebra Den')).toBeUndefined();
  });

  it('keeps a declared theme’s colour and description and gives other themes a palette colour', () => {
    expect(view.theme('Trust')).toEqual({
      id: 'Trust',
      slug: 'trust',
      color: '#2f6fed',
      mark: 'circle',
      description: 'Make the roadmap believable',
      declared: true,
    });
    expect(view.theme('Billing')).toMatchObject({ slug: 'billing', description: null, declared: false });
    expect(THEME_PALETTE).toContain(view.theme('Billing')!.color);
    expect(view.theme('Billing')!.color).not.toBe(view.theme('Notifications')!.color);
  });

  it('does not pass the declared theme list on in its site settings', () => {
    expect(view.site).toEqual({
      title: 'Acme Roadmap',
      description: null,
      url: 'https://roadmap.acme.example',
      defaultVisibility: 'internal',
      fiscalYearStartMonth: 1,
      staleAfterDays: 90,
      trackerUrl: null,
    });
  });

  it('sorts strategy documents and wiki pages by order, then title', () => {
    const v = viewOf('public', {
      ...WORLD,
      wiki: [
        wikiPage('c', { title: 'C' }),
        wikiPage('b', { title: 'B', order: 2 }),
        wikiPage('a', { title: 'A' }),
        wikiPage('d', { title: 'D', order: 1 }),
      ],
    });
    expect(v.wiki.map((w) => w.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('leaks nothing of an internal entry anywhere in the view (canary)', () => {
    const json = serialize(view);
    // The view is not empty: public entries are there.
    expect(json).toContain('Public portal');
    expect(json).toContain('Grow usage');
    expect(json).toContain('Render home');
    // Nothing internal is: not an id, a title, a summary, a tag, a theme or a statement.
    expect(json).not.toMatch(/zebra/i);
    expect(json).not.toContain('Acquisitions');
  });
});

describe('audienceView for the internal audience', () => {
  const view = viewOf('internal');

  it('keeps every entry of every kind', () => {
    expect(ids(view.strategy)).toEqual(['market', 'zebra-pricing']);
    expect(ids(view.objectives)).toEqual(ids(WORLD.objectives));
    expect(ids(view.roadmap)).toEqual(ids(WORLD.roadmap));
    expect(ids(view.backlog)).toEqual(ids(WORLD.backlog));
    expect(ids(view.wiki)).toEqual(ids(WORLD.wiki));
    expect(view.mission).not.toBeNull();
    expect(view.vision?.title).toBe('Zebra vision');
  });

  it('keeps every reference and hides nothing', () => {
    expect(view.item('portal')).toMatchObject({
      objectives: ['grow', 'zebra-revenue'],
      hiddenObjectiveCount: 0,
      dependsOn: ['zebra-hosting', 'search'],
      hiddenDependencyCount: 0,
      dependents: ['zebra-secret'],
    });
    expect(view.item('search')!.dependents).toEqual(['portal', 'zebra-hosting']);
    expect(view.objective('grow')!.items).toEqual(['portal', 'search', 'zebra-hosting']);
    expect(view.objective('grow')!.children).toEqual(['child', 'zebra-child']);
    expect(view.objective('adopted')).toMatchObject({ parent: 'zebra-revenue', hiddenParent: false });
    expect(view.backlog.every((b) => !b.hiddenEpic)).toBe(true);
  });

  it('groups every backlog item under its epic and keeps every orphan', () => {
    expect(ids(view.backlogByEpic.get('portal')!)).toEqual(['B-1', 'ZEBRA-4']);
    expect(ids(view.backlogByEpic.get('zebra-hosting')!)).toEqual(['B-2']);
    expect(ids(view.orphanBacklog)).toEqual(['B-3', 'ZEBRA-5']);
  });

  it('lists every declared theme, used or not, in site.yaml order, then the rest alphabetically', () => {
    expect(view.themes.map((t) => t.id)).toEqual([
      'Trust',
      'Acquisitions',
      'Speed',
      'Unused',
      'Billing',
      'Notifications',
      'Zebra Den',
    ]);
    expect(view.theme('Zebra Den')).toMatchObject({ slug: 'zebra-den', declared: false });
  });

  it('holds the canary strings the public view must not, so the canary test can fail', () => {
    expect(serialize(view)).toMatch(/zebra/i);
    expect(serialize(view)).toContain('Acquisitions');
  });

  it('sorts strategy documents by order', () => {
    expect(view.strategy.map((s) => s.id)).toEqual(['zebra-pricing', 'market']);
  });
});

describe('audienceView when the default visibility makes everything internal', () => {
  it('gives the public an empty view rather than an error', () => {
    const everythingInternal = (c: Content): Content => ({
      ...c,
      mission: { ...c.mission, visibility: 'internal' },
      vision: { ...c.vision, visibility: 'internal' },
      strategy: c.strategy.map((e) => ({ ...e, visibility: 'internal' })),
      objectives: c.objectives.map((e) => ({ ...e, visibility: 'internal' })),
      roadmap: c.roadmap.map((e) => ({ ...e, visibility: 'internal' })),
      backlog: c.backlog.map((e) => ({ ...e, visibility: 'internal' })),
      wiki: c.wiki.map((e) => ({ ...e, visibility: 'internal' })),
    });
    const view = viewOf('public', everythingInternal(WORLD));
    expect(view).toMatchObject({
      mission: null,
      vision: null,
      strategy: [],
      objectives: [],
      roadmap: [],
      backlog: [],
      wiki: [],
      themes: [],
      orphanBacklog: [],
    });
    expect(view.backlogByEpic.size).toBe(0);
  });
});
