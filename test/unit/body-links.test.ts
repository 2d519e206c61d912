import { describe, expect, it } from 'vitest';
import { bodyLinks } from '../../src/lib/content/body-links.ts';

describe('links written in a body', () => {
  it('finds Markdown links, reference definitions and href/src attributes, with their file lines', () => {
    const body = [
      'See [SSO](/roadmap/sso/).',
      '',
      '[ref]: /objectives/grow/',
      '<a href="/wiki/teams/platform/">team</a>',
      '<img src="/timeline.svg" />',
    ].join('\n');
    expect(bodyLinks(body, 10)).toEqual([
      { href: '/roadmap/sso/', line: 10 },
      { href: '/objectives/grow/', line: 12 },
      { href: '/wiki/teams/platform/', line: 13 },
      { href: '/timeline.svg', line: 14 },
    ]);
  });

  it('ignores external, protocol-relative and relative links', () => {
    expect(bodyLinks('[a](https://x.example/roadmap/) [b](//cdn.example/x) [c](../roadmap/x/) [d](#top)', 1)).toEqual(
      [],
    );
  });

  it('ignores links shown as code', () => {
    const body = ['```md', '[x](/roadmap/secret/)', '```', 'Write `[y](/roadmap/other/)` to link.'].join('\n');
    expect(bodyLinks(body, 1)).toEqual([]);
  });
});
