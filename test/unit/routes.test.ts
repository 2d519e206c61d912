import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffViews } from '../../src/lib/diff/diff.ts';
import { type SiteView, audienceView, pageEntries } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import type { Audience, Content } from '../../src/lib/model/types.ts';
import { ogImagePath, pageFileOf, pagePathOfFile } from '../../src/lib/og/meta.ts';
import { pageSearchEntry } from '../../src/lib/search/entries.ts';
import { makeLinks } from '../../src/lib/site/links.ts';
import { type RouteChanges, routeOf, routes, staticPathsOf } from '../../src/lib/site/routes.ts';
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

/** Internal entries carry "zebra", as in the build fixtures. */
const WORLD = content({
  site: site({ title: 'Acme roadmap', themes: [{ id: 'Trust', color: '#2f6fed', description: null }] }),
  mission: mission({ visibility: 'public', statement: 'We make plans people can trust.' }),
  vision: vision({ visibility: 'internal', title: 'Zebra vision' }),
  strategy: [strategyDoc('market', { title: 'Market' })],
  objectives: [
    objective('grow', { title: 'Grow usage', period: '2027-H1', status: 'at-risk' }),
    objective('zebra-goal', { visibility: 'internal', title: 'Zebra goal' }),
  ],
  roadmap: [
    item('portal', { title: 'Public *portal*', theme: 'Trust', status: 'in-progress' }),
    item('someday', { title: 'Someday', theme: 'Speed', status: 'exploring' }),
    item('zebra-hosting', { visibility: 'internal', title: 'Zebra hosting', theme: 'Zebra Den' }),
  ],
  backlog: [backlogItem('B-1', { title: 'First story', epic: 'portal' })],
  wiki: [
    wikiPage('guides/plan', { title: 'How we plan', summary: 'Every quarter.' }),
    wikiPage('zebra-notes', { visibility: 'internal', title: 'Zebra notes' }),
  ],
});

const TODAY = '2026-05-15';
const viewOf = (audience: Audience, world: Content = WORLD): SiteView =>
  audienceView(resolveContent(world, TODAY), audience);
const links = makeLinks('/pr-7/', null);

const NO_CHANGES: RouteChanges = { history: { entries: [] }, preview: null };

/** A preview build's changes: the portal item was renamed since the base. */
function previewChanges(audience: Audience): RouteChanges {
  const before = content({
    ...WORLD,
    roadmap: WORLD.roadmap.map((i) => (i.id === 'portal' ? { ...i, title: 'Portal' } : i)),
  });
  const base = { rev: 'main', commit: 'a'.repeat(40) };
  const diff = diffViews(viewOf(audience, before), viewOf(audience), {
    audience,
    base,
    head: { rev: 'working tree', commit: null },
    today: TODAY,
  });
  return { history: { entries: [{}, {}] }, preview: { base, diff } };
}

/** `src/pages/roadmap/themes/[slug].astro` -> `/roadmap/themes/[slug]`, as Astro names a page's route. */
function pagePatterns(): string[] {
  const pages = join(import.meta.dirname, '..', '..', 'src', 'pages');
  return readdirSync(pages, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.astro'))
    .map((e) => relative(pages, join(e.parentPath, e.name)).split(sep).join('/'))
    .map((file) => `/${file.replace(/\.astro$/, '').replace(/(^|\/)index$/, '')}`)
    .sort();
}

const tables = () => ({
  public: routes(viewOf('public'), links, NO_CHANGES),
  internal: routes(viewOf('internal'), links, NO_CHANGES),
  'public preview': routes(viewOf('public'), links, previewChanges('public')),
  'internal preview': routes(viewOf('internal'), links, previewChanges('internal')),
});

describe('the route table', () => {
  it('has rows of every page file of src/pages, each with a title and a card', () => {
    const table = tables()['internal preview'];
    expect([...new Set(table.map((r) => r.pattern))].sort()).toEqual(pagePatterns());
    for (const route of table) {
      expect(route.title, route.path).not.toBe('');
      expect(route.card.kind, route.path).not.toBe('');
    }
  });

  it('gives every page its own path and its own route parameters', () => {
    for (const [name, table] of Object.entries(tables())) {
      const paths = table.map((r) => r.path);
      expect(new Set(paths).size, name).toBe(paths.length);
      const pages = table.map((r) => `${r.pattern} ${JSON.stringify(r.params)}`);
      expect(new Set(pages).size, name).toBe(pages.length);
    }
  });

  it("gives a public view's table no internal entry's path, title or theme", () => {
    const internalOnly = pageEntries(WORLD)
      .filter((e) => e.visibility === 'internal')
      .map((e) => links.entryPath(e.kind, e.id));
    expect(internalOnly).toHaveLength(4);
    for (const table of [tables().public, tables()['public preview']]) {
      const paths = table.map((r) => r.path);
      for (const path of internalOnly) expect(paths).not.toContain(path);
      expect(JSON.stringify(table)).not.toMatch(/zebra/i);
    }
  });

  it('gives every page its own HTML file and card file, and finds the page of each HTML file again', () => {
    const table = tables()['internal preview'];
    expect(new Set(table.map((r) => ogImagePath(r.path))).size).toBe(table.length);
    expect(table.map((r) => pagePathOfFile(pageFileOf(r.path)))).toEqual(table.map((r) => r.path));
    expect(['', '404/', 'wiki/guides/plan/'].map(pageFileOf)).toEqual([
      'index.html',
      '404.html',
      'wiki/guides/plan/index.html',
    ]);
  });

  it('makes the page of every entry the audience may see searchable, and no other page', () => {
    for (const audience of ['public', 'internal'] as const) {
      const view = viewOf(audience);
      const table = routes(view, links, NO_CHANGES);
      const entryPaths = pageEntries(view).map((e) => links.entryPath(e.kind, e.id));
      expect(
        table
          .filter((r) => r.searchable)
          .map((r) => r.path)
          .sort(),
      ).toEqual(entryPaths.sort());
      // Overview pages only repeat entries' titles and summaries: they have no search metadata.
      const overviews = table.filter((r) => !r.searchable);
      expect(overviews.map((r) => r.path)).toEqual(
        expect.arrayContaining(['', 'roadmap/', 'roadmap/themes/trust/', 'backlog/by-theme/', 'search/', '404/']),
      );
      for (const route of overviews) expect(route.search, route.path).toBeNull();
    }
    expect(routes(viewOf('internal'), links, NO_CHANGES).map((r) => r.path)).toEqual(
      expect.arrayContaining(['roadmap/zebra-hosting/', 'vision/']),
    );
  });

  it("gives an entry's page that entry's search metadata", () => {
    const view = viewOf('public');
    const portal = routes(view, links, NO_CHANGES).find((r) => r.path === 'roadmap/portal/')!;
    expect(portal).toMatchObject({ pattern: '/roadmap/[...id]', params: { id: 'portal' }, id: 'portal' });
    expect(portal.search).toEqual(pageSearchEntry(view, { kind: 'roadmap', entry: view.item('portal')! }));
  });

  it('gives entry pages plain titles and cards from their search metadata, overview pages their own', () => {
    const table = routes(viewOf('public'), links, NO_CHANGES);
    const at = (path: string) => table.find((r) => r.path === path)!;
    expect(at('roadmap/portal/')).toMatchObject({
      title: 'Public portal',
      card: { kind: 'Roadmap item', detail: 'In progress · Trust', accent: '#2f6fed' },
    });
    expect(at('objectives/grow/').card).toMatchObject({
      kind: 'Objective',
      detail: expect.stringMatching(/ · At risk$/),
    });
    // Home is titled by the site; its card counts what the audience sees.
    expect(at('')).toMatchObject({
      title: 'Acme roadmap',
      description: null,
      card: { kind: 'Roadmap', detail: '2 items · 1 objective' },
    });
    expect(at('roadmap/themes/trust/')).toMatchObject({
      title: 'Trust · Roadmap',
      description: '1 roadmap item in Trust.',
      card: { kind: 'Roadmap theme', detail: '1 item', accent: '#2f6fed' },
    });
    // A page that says nothing more is a card of its own title.
    expect(at('backlog/by-theme/').card).toEqual({ kind: 'Traceability by theme', detail: '', accent: null });
    expect(at('404/')).toMatchObject({ title: 'Page not found', description: null });
  });

  it('has a health page only for the internal audience, and a preview page only in a preview build', () => {
    const paths = (name: keyof ReturnType<typeof tables>) => tables()[name].map((r) => r.path);
    expect(paths('public')).not.toContain('health/');
    expect(paths('internal')).toContain('health/');
    expect(paths('public')).not.toContain('changes/preview/');
    expect(paths('internal')).not.toContain('changes/preview/');
    const preview = tables()['public preview'].find((r) => r.path === 'changes/preview/')!;
    expect(preview).toMatchObject({
      description: 'Against main: 1 changed.',
      card: { kind: 'Preview', detail: '1 changed' },
    });
    const changes = tables()['public preview'].find((r) => r.path === 'changes/')!;
    expect(changes.card.detail).toBe('2 changes');
  });
});

describe('routeOf and staticPathsOf', () => {
  const view = viewOf('public');

  it('find the row of the page Astro renders by its route pattern and parameters', () => {
    expect(routeOf(view, links, NO_CHANGES, '/roadmap/[...id]', { id: 'portal' }).path).toBe('roadmap/portal/');
    expect(routeOf(view, links, NO_CHANGES, '/wiki/[...id]', { id: 'guides/plan' }).path).toBe('wiki/guides/plan/');
    expect(routeOf(view, links, NO_CHANGES, '/[foundation]', { foundation: 'mission' }).path).toBe('mission/');
    expect(routeOf(view, links, NO_CHANGES, '/', {}).path).toBe('');
    expect(routeOf(viewOf('internal'), links, NO_CHANGES, '/health/[...health]', { health: undefined }).path).toBe(
      'health/',
    );
  });

  it('stop the build at a page the table does not list, naming it', () => {
    expect(() => routeOf(view, links, NO_CHANGES, '/roadmap/[...id]', { id: 'zebra-hosting' })).toThrow(
      'The page /roadmap/[...id] with {"id":"zebra-hosting"} has no row in the route table',
    );
    expect(() => routeOf(view, links, NO_CHANGES, '/health/[...health]', {})).toThrow(/has no row in the route table/);
  });

  it("give a dynamic page's getStaticPaths one path per row, its id in props", () => {
    expect(staticPathsOf(view, links, NO_CHANGES, '/roadmap/themes/[slug]')).toEqual([
      { params: { slug: 'trust' }, props: { id: 'Trust' } },
      { params: { slug: 'speed' }, props: { id: 'Speed' } },
    ]);
    expect(staticPathsOf(view, links, NO_CHANGES, '/[foundation]')).toEqual([
      { params: { foundation: 'mission' }, props: { id: 'mission' } },
    ]);
    expect(staticPathsOf(view, links, NO_CHANGES, '/changes/[...preview]')).toEqual([]);
    expect(staticPathsOf(view, links, previewChanges('public'), '/changes/[...preview]')).toEqual([
      { params: { preview: 'preview' }, props: { id: null } },
    ]);
  });
});
