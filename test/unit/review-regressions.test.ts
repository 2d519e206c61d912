import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { diskSource } from '../../src/lib/content/source.ts';
import { audienceView } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import { content, item, site } from './helpers/content.ts';
import { doc, memorySource } from './helpers/memory-source.ts';

/** Regressions found in review, each named for what broke. */

const folder = (extra: Record<string, string>) =>
  memorySource({
    'site.yaml': 'title: T\ndefaultVisibility: public\n',
    'mission.md': doc('statement: S'),
    'vision.md': doc('statement: V'),
    ...extra,
  });

describe('review regressions', () => {
  it('does not call a body link broken when the entry it links to exists but has an error of its own', async () => {
    const { diagnostics } = await loadContent(
      folder({
        'roadmap/broken.md': doc('title: Broken\nsummary: s\ntheme: T'),
        'wiki/page.md': doc('title: Page', 'See [it](/roadmap/broken/).'),
      }),
    );
    expect(diagnostics.map((d) => `${d.file} ${d.field}`)).toEqual(['content/roadmap/broken.md status']);
  });

  it('reports a missing content folder as one problem naming the folder, not a stack trace', async () => {
    const { content: loaded, diagnostics } = await loadContent(diskSource('/no/such/folder', 'my-roadmap'));
    expect(loaded).toBeNull();
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        file: 'my-roadmap',
        field: '(folder)',
        message: 'cannot be read (ENOENT); expected a content folder with site.yaml (set ROADMAP_CONTENT to its path)',
      },
    ]);
  });

  it('reports a duplicate theme id even when another site.yaml field is wrong', async () => {
    const { diagnostics } = await loadContent(
      memorySource({
        'site.yaml': 'title: T\nfiscalYearStartMonth: 13\nthemes:\n  - id: Trust\n  - id: Trust\n',
        'mission.md': doc('statement: S'),
        'vision.md': doc('statement: V'),
      }),
    );
    expect(diagnostics.map((d) => `${d.line} ${d.field}`)).toEqual(['2 fiscalYearStartMonth', '5 themes[1].id']);
  });

  it('gives themes whose names slug alike, or to nothing, addresses of their own in every audience', () => {
    const c = content({
      site: site({ themes: [{ id: '!!!', color: null, description: null }] }),
      roadmap: [item('a', { theme: 'Trust' }), item('b', { theme: 'trust' }), item('c', { theme: '!!!' })],
    });
    const slugs = (audience: 'public' | 'internal') =>
      audienceView(resolveContent(c, '2026-11-21'), audience).themes.map((t) => [t.id, t.slug]);
    const pub = slugs('public');
    expect(new Set(pub.map(([, s]) => s)).size).toBe(3);
    expect(pub.find(([id]) => id === '!!!')![1]).toMatch(/^theme-\d+$/);
    expect(slugs('internal')).toEqual(pub);
  });
});
