import { describe, expect, it } from 'vitest';
import { rewriteContentLink } from '../../src/lib/site/content-links.ts';

const hidden = new Set(['roadmap/secret/', 'wiki/teams/private/']);

describe('links written in bodies, as the build rewrites them', () => {
  it('puts the base path in front of a site-root link, keeping its query and fragment', () => {
    expect(rewriteContentLink('/roadmap/sso/?tab=1#why', '/pr-42/', hidden)).toEqual({
      href: '/pr-42/roadmap/sso/?tab=1#why',
    });
    expect(rewriteContentLink('/timeline.svg', '/', hidden)).toEqual({ href: '/timeline.svg' });
  });

  it('leaves external, protocol-relative, relative and fragment links as written', () => {
    for (const href of ['https://example.com/roadmap/secret/', '//cdn.example/x.png', '../roadmap/sso/', '#top']) {
      expect(rewriteContentLink(href, '/pr-42/', hidden)).toEqual({ href });
    }
  });

  it('refuses a link to a page the audience may not see, whatever its case or trailing slash', () => {
    for (const href of ['/roadmap/secret/', '/roadmap/Secret', '/wiki/teams/private/#x']) {
      expect(rewriteContentLink(href, '/', hidden)).toEqual({
        error: expect.stringContaining(`links to ${JSON.stringify(href)}, a page that is internal`),
      });
    }
  });
});
