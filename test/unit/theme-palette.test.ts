import { describe, expect, it } from 'vitest';
import {
  THEME_BACKGROUNDS,
  THEME_PALETTE,
  assignThemeColours,
  contrastRatio,
  relativeLuminance,
} from '../../src/lib/model/theme-palette.ts';
import { audienceView, themeSlugOf } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import { content, item, site } from './helpers/content.ts';

describe('theme colours', () => {
  it('computes WCAG contrast: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#2d6be8', '#2d6be8')).toBe(1);
    expect(relativeLuminance('#ffffff')).toBe(1);
  });

  it('has twelve different colours, each at least 3:1 against every light and dark background', () => {
    expect(new Set(THEME_PALETTE).size).toBe(12);
    for (const colour of THEME_PALETTE) {
      for (const bg of THEME_BACKGROUNDS)
        expect(contrastRatio(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives twelve uncoloured themes twelve different colours, in order', () => {
    const colours = assignThemeColours(Array.from({ length: 12 }, () => ({ color: null })));
    expect(colours.map((c) => c.color)).toEqual([...THEME_PALETTE]);
    expect(new Set(colours.map((c) => c.mark))).toEqual(new Set(['circle']));
  });

  it('tells the thirteenth theme from the first by its marker when the colours go round again', () => {
    const colours = assignThemeColours(Array.from({ length: 14 }, () => ({ color: null })));
    expect(colours[12]!.color).toBe(colours[0]!.color);
    expect(colours[12]!.mark).not.toBe(colours[0]!.mark);
    const cues = colours.map((c) => `${c.color} ${c.mark}`);
    expect(new Set(cues).size).toBe(14);
  });

  it('keeps a colour declared in site.yaml, and the palette goes on with the next themes', () => {
    const colours = assignThemeColours([{ color: '#123456' }, { color: null }, { color: null }]);
    expect(colours.map((c) => c.color)).toEqual(['#123456', THEME_PALETTE[0], THEME_PALETTE[1]]);
  });

  it('colours a view’s themes in the order it lists them: site.yaml’s first, then the rest by name', () => {
    const c = content({
      site: site({ themes: [{ id: 'Trust', color: null, description: null }] }),
      roadmap: ['Speed', 'Billing', 'Trust', 'Search', 'Mobile', 'Data', 'Docs', 'Growth', 'Admin', 'API', 'Ops'].map(
        (theme, i) => item(`i${i}`, { theme, visibility: 'public' }),
      ),
    });
    const view = audienceView(resolveContent(c, '2026-11-21'), 'public');
    expect(view.themes[0]!.id).toBe('Trust');
    expect(view.themes[0]!.color).toBe(THEME_PALETTE[0]);
    expect(new Set(view.themes.map((t) => t.color)).size).toBe(view.themes.length);
  });
});

describe('theme slugs', () => {
  it('leave no dash at the end of a name that ends in a sign: `Beyond the &` is `beyond-the`', () => {
    expect(themeSlugOf('Beyond the &')).toBe('beyond-the');
    expect(themeSlugOf('& more')).toBe('more');
    expect(themeSlugOf('Ops & Reliability')).toBe('ops-reliability');
  });
});
