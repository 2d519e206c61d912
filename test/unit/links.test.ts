import { describe, expect, it } from 'vitest';
import {
  backlogAnchor,
  makeLinks,
  normalizeBase,
  siteBase,
  siteOrigin,
  trackerHref,
} from '../../src/lib/site/links.ts';

describe('normalizeBase', () => {
  it.each([
    ['/pr-42/', '/pr-42/'],
    ['/pr-42', '/pr-42/'],
    ['pr-42/', '/pr-42/'],
    ['pr-42', '/pr-42/'],
    ['//pr-42//', '/pr-42/'],
    ['  /pr-42/  ', '/pr-42/'],
    ['/previews/pr-42', '/previews/pr-42/'],
  ])('writes %j as %j, with one leading and one trailing slash', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });

  it.each([[''], ['/'], ['//'], ['   ']])('writes an empty base %j as the root "/"', (base) => {
    expect(normalizeBase(base)).toBe('/');
  });
});

describe('makeLinks', () => {
  const preview = makeLinks('/pr-42/', 'https://roadmap.acme.example');

  describe('href', () => {
    it('puts a path under the base path', () => {
      expect(preview.href('roadmap/')).toBe('/pr-42/roadmap/');
      expect(preview.href('roadmap/portal/')).toBe('/pr-42/roadmap/portal/');
    });

    it('treats a path with a leading slash as relative to the base, not the domain root', () => {
      expect(preview.href('/roadmap/')).toBe('/pr-42/roadmap/');
    });

    it('gives the base itself for the empty path', () => {
      expect(preview.href('')).toBe('/pr-42/');
    });

    it('puts a path at the root when the base is "/"', () => {
      expect(makeLinks('/', null).href('roadmap/')).toBe('/roadmap/');
      expect(makeLinks('/', null).href('')).toBe('/');
    });

    it('normalizes a base given without slashes', () => {
      expect(makeLinks('pr-42', null).href('roadmap/')).toBe('/pr-42/roadmap/');
    });
  });

  describe('absolute', () => {
    it('joins the site url, the base path and the path', () => {
      expect(preview.absolute('roadmap/portal/')).toBe('https://roadmap.acme.example/pr-42/roadmap/portal/');
      expect(preview.absolute('')).toBe('https://roadmap.acme.example/pr-42/');
    });

    it('writes a single slash between a site url with a trailing slash and the base', () => {
      const links = makeLinks('/pr-42/', 'https://roadmap.acme.example/');
      expect(links.absolute('roadmap/')).toBe('https://roadmap.acme.example/pr-42/roadmap/');
    });

    it('falls back to the root-relative url when there is no site url', () => {
      expect(makeLinks('/pr-42/', null).absolute('roadmap/')).toBe('/pr-42/roadmap/');
    });
  });

  describe('entryPath', () => {
    it.each([
      ['mission', 'mission', 'mission/'],
      ['vision', 'vision', 'vision/'],
      ['strategy', 'market', 'strategy/market/'],
      ['objective', 'grow-usage', 'objectives/grow-usage/'],
      ['roadmap', 'public-portal', 'roadmap/public-portal/'],
      ['wiki', 'how-we-plan', 'wiki/how-we-plan/'],
      ['backlog', 'ACME-12', 'backlog/#item-ACME-12'],
    ] as const)('gives a %s entry %j the path %j', (kind, id, expected) => {
      expect(preview.entryPath(kind, id)).toBe(expected);
    });

    it('keeps the folders of a nested wiki id as path segments', () => {
      expect(preview.entryPath('wiki', 'teams/platform')).toBe('wiki/teams/platform/');
      expect(preview.entryPath('wiki', 'guides/planning/quarterly')).toBe('wiki/guides/planning/quarterly/');
    });

    it('encodes characters that are not safe in a url, segment by segment', () => {
      expect(preview.entryPath('roadmap', 'café menu')).toBe('roadmap/caf%C3%A9%20menu/');
      expect(preview.entryPath('wiki', 'teams/r&d')).toBe('wiki/teams/r%26d/');
    });

    it('does not include the base path, which href adds', () => {
      expect(preview.href(preview.entryPath('wiki', 'teams/platform'))).toBe('/pr-42/wiki/teams/platform/');
      expect(preview.absolute(preview.entryPath('roadmap', 'portal'))).toBe(
        'https://roadmap.acme.example/pr-42/roadmap/portal/',
      );
    });
  });
});

describe('backlogAnchor', () => {
  it('prefixes the id with "item-" and keeps letters, digits, "-" and "_"', () => {
    expect(backlogAnchor('ACME-12')).toBe('item-ACME-12');
    expect(backlogAnchor('spike_search')).toBe('item-spike_search');
  });

  it('replaces each run of other characters with one "-"', () => {
    expect(backlogAnchor('team/spike search')).toBe('item-team-spike-search');
    expect(backlogAnchor('a.:b')).toBe('item-a-b');
  });
});

describe('a site.yaml url with a path (a project Pages site)', () => {
  it('takes the base path from the url when ROADMAP_BASE is not set', () => {
    expect(siteBase(undefined, 'https://acme.github.io/roadmap')).toBe('/roadmap/');
    expect(siteBase('', 'https://acme.github.io/roadmap/')).toBe('/roadmap/');
    expect(siteBase(undefined, 'https://roadmap.acme.example')).toBe('/');
    expect(siteBase(undefined, null)).toBe('/');
  });

  it('lets ROADMAP_BASE replace the path of the url, never add to it', () => {
    expect(siteBase('/roadmap/', 'https://acme.github.io/roadmap')).toBe('/roadmap/');
    expect(siteBase('/roadmap/pr-preview/pr-42/', 'https://acme.github.io/roadmap')).toBe('/roadmap/pr-preview/pr-42/');
  });

  it('writes absolute URLs as the url’s origin and the base path: /roadmap/ once, not twice', () => {
    const links = makeLinks('/roadmap/', 'https://acme.github.io/roadmap');
    expect(links.absolute('')).toBe('https://acme.github.io/roadmap/');
    expect(links.absolute('roadmap/portal/')).toBe('https://acme.github.io/roadmap/roadmap/portal/');
    expect(links.absolute('og/index.png')).toBe('https://acme.github.io/roadmap/og/index.png');
  });

  it('gives the site origin without any path', () => {
    expect(siteOrigin('https://acme.github.io/roadmap')).toBe('https://acme.github.io');
    expect(siteOrigin('http://localhost:4321/x/')).toBe('http://localhost:4321');
  });
});

describe('trackerHref', () => {
  it('links a tracker URL as written', () => {
    expect(trackerHref('https://github.com/acme/app/issues/12', null)).toBe('https://github.com/acme/app/issues/12');
    expect(trackerHref('https://github.com/acme/app/issues/12', 'https://jira.example/browse/')).toBe(
      'https://github.com/acme/app/issues/12',
    );
  });

  it('links a key through site.yaml trackerUrl, appended or in place of {key}', () => {
    expect(trackerHref('PLAT-12', 'https://acme.atlassian.net/browse/')).toBe(
      'https://acme.atlassian.net/browse/PLAT-12',
    );
    expect(trackerHref('PLAT 12', 'https://linear.app/acme/issue/{key}/view')).toBe(
      'https://linear.app/acme/issue/PLAT%2012/view',
    );
  });

  it('gives no link for a key when there is no trackerUrl: a key alone names no server', () => {
    expect(trackerHref('PLAT-12', null)).toBeNull();
  });
});

describe('canonical links', () => {
  it('are the absolute URL of the page in a production build', () => {
    expect(makeLinks('/roadmap/', 'https://acme.github.io/roadmap').canonical('roadmap/sso/')).toBe(
      'https://acme.github.io/roadmap/roadmap/sso/',
    );
  });

  it('point a preview’s pages at the production URL of the same page', () => {
    const links = makeLinks('/roadmap/pr-preview/pr-42/', 'https://acme.github.io/roadmap', { preview: true });
    expect(links.absolute('roadmap/sso/')).toBe('https://acme.github.io/roadmap/pr-preview/pr-42/roadmap/sso/');
    expect(links.canonical('roadmap/sso/')).toBe('https://acme.github.io/roadmap/roadmap/sso/');
  });
});
