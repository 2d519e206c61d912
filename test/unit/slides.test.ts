import { describe, expect, it } from 'vitest';
import { audienceView } from '../../src/lib/model/audience.ts';
import { resolveContent } from '../../src/lib/model/resolve.ts';
import { makeLinks } from '../../src/lib/site/links.ts';
import { SLIDE_ROOM, type Slide, allSlides, layoutSlide, slideSet } from '../../src/lib/timeline/slides.ts';
import { content, item } from './helpers/content.ts';

/**
 * Slides: every dated item on exactly one slide of its set, each slide as full as its room
 * allows. Checked on a roadmap of 150 items with titles of every length over three themes.
 */
const THEMES = ['Trust', 'Speed', 'Reach'];
const words = 'Single sign-on for every workspace with audit trails and regional data residency'.split(' ');
const roadmap = Array.from({ length: 150 }, (_, i) =>
  item(`item-${String(i).padStart(3, '0')}`, {
    title: words.slice(0, 1 + (i % words.length)).join(' '),
    theme: THEMES[i % 3]!,
    status: i % 4 === 0 ? 'in-progress' : 'planned',
    start: `2026-${String(1 + (i % 12)).padStart(2, '0')}-01`,
    end: `2027-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-28`,
  }),
);
const view = audienceView(resolveContent(content({ roadmap }), '2026-11-21'), 'public');
const links = makeLinks('/', view.site.url);

const heightWith = (slide: Slide, extra: readonly string[] = []) => {
  const ids = new Set([...slide.input.items.map((i) => i.id), ...extra]);
  const all = slideSet(view, links, slide.input.themes.length === 1 ? { theme: slide.input.themes[0]!.id } : {});
  const items = all.flatMap((s) => s.input.items).filter((i) => ids.has(i.id));
  return layoutSlide({ ...slide.input, items }, slide.domain).height;
};

describe('the slides of a timeline', () => {
  for (const theme of [undefined, ...THEMES]) {
    const slides = slideSet(view, links, theme ? { theme } : {});
    const label = theme ?? 'the whole roadmap';

    it(`of ${label} hold every dated item once`, () => {
      expect(slides.length).toBeGreaterThan(1);
      const ids = slides.flatMap((s) => s.input.items.map((i) => i.id)).sort();
      const expected = roadmap.filter((i) => !theme || i.theme === theme).map((i) => i.id);
      expect(ids).toEqual(expected.sort());
      expect(slides.map((s) => s.index)).toEqual(slides.map((_, i) => i + 1));
      expect(new Set(slides.map((s) => s.count))).toEqual(new Set([slides.length]));
    });

    it(`of ${label} each fit their room, and each takes as many rows as fit`, () => {
      for (const [i, slide] of slides.entries()) {
        if (slide.input.items.length > 1) expect(heightWith(slide), slide.name).toBeLessThanOrEqual(SLIDE_ROOM);
        const next = slides[i + 1];
        // The next slide's first row would not have fitted on this one.
        if (next) expect(heightWith(slide, [next.input.items[0]!.id]), slide.name).toBeGreaterThan(SLIDE_ROOM);
      }
    });
  }

  it('are worked out once per view: asking again gives the same slides', () => {
    expect(slideSet(view, links)).toBe(slideSet(view, links));
    expect(allSlides(view, links).map((s) => s.name)).toEqual([
      ...slideSet(view, links).map((s) => s.name),
      ...view.themes.flatMap((t) => slideSet(view, links, { theme: t.id }).map((s) => s.name)),
    ]);
  });
});
