import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type CardInput, TITLE_BOX, clampTitle, titleSizes } from '../../src/lib/og/card.ts';
import { drawTitle, renderCard, renderWholeCard } from '../../src/lib/og/render.ts';
import { decodePng, differingPixels, pngSize } from '../support/png.ts';

const card = (title: string, over: Partial<CardInput> = {}): CardInput => ({
  siteTitle: 'Acme Roadmap',
  kind: 'Roadmap item',
  title,
  detail: 'in-progress · speed',
  host: 'roadmap.acme.example',
  accent: '#1d5bd0',
  ...over,
});

const WORDS = 'onboarding single sign-on export reporting billing mobile search alerts audit'.split(' ');
/** An ordinary title of about `length` characters, made of ordinary words. */
const titleOf = (length: number) => {
  let title = 'Faster';
  for (let i = 0; title.length < length; i++) title += ` ${WORDS[i % WORDS.length]}`;
  return title.slice(0, length);
};

describe('an Open Graph card', () => {
  it('is a 1200 × 630 opaque PNG', async () => {
    const png = await renderCard(card('Faster onboarding'));
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(png[25], 'colour type').toBe(2);
  });

  // Cards are drawn as a shared background plus the title: the result must not show it.
  it('drawn in layers equals the card drawn whole, pixel for pixel', async () => {
    const inputs = [
      card('Faster onboarding'),
      // The same background as the first: the shared copy must not keep the first title.
      card('Audit log export for every workspace'),
      card(titleOf(60), { kind: 'Objective', detail: '42% · on track', accent: '#b42318' }),
      card(titleOf(90), { kind: 'Wiki page', detail: '', accent: '#067647' }),
    ];
    // Drawn at the same time: no card may see another's title, whatever order they finish in.
    const layered = await Promise.all(inputs.map(renderCard));
    for (const [i, input] of inputs.entries()) {
      const whole = decodePng(await renderWholeCard(input)).pixels;
      expect(differingPixels(decodePng(layered[i]!).pixels, whole), input.title).toBe(0);
    }
  });

  /** Whether the card's title box has no ink on its outermost rows and columns. */
  const boxEdgesWhite = (pixels: Uint8Array) => {
    const { left, top, width, height } = TITLE_BOX;
    const at = (x: number, y: number) => pixels.subarray((y * CARD_WIDTH + x) * 4, (y * CARD_WIDTH + x) * 4 + 3);
    for (let x = left; x < left + width; x++) {
      if (![top, top + height - 1].every((y) => at(x, y).every((b) => b === 255))) return false;
    }
    for (let y = top; y < top + height; y++) if (!at(left + width - 1, y).every((b) => b === 255)) return false;
    return true;
  };

  it('keeps the longest title it allows inside the title box at every size', async () => {
    // The three sizes start above 32 and 60 characters; 90 is where titles are cut.
    for (const length of [32, 60, 90, 200]) {
      const { pixels } = decodePng(await renderCard(card(clampTitle(titleOf(length)))));
      expect(boxEdgesWhite(pixels), `a ${length}-character title`).toBe(true);
    }
  });

  it('draws a title too wide for its box smaller, never cut off', async () => {
    const wide = [
      // Wide capitals: three lines at the size a title this long starts at would not fit.
      'WWWWWWWW MMMMMMMM WWWWWWWW MMMMMMMM WWWWWWWW MMMMMMMM WWWWW',
      'WWWWWWWW MMMMMMMM WWWWWWWW MMMMMMMM WWWWWWWW MMMMMMMM WWWWWWWW MMMMMMMM WWWWWWWW MMMMMMM',
      // One word longer than the box is wide.
      'Supercalifragilisticexpialidociously-long-identifier',
    ];
    for (const title of wide) {
      const input = card(title);
      const { size } = await drawTitle(input);
      if (!title.startsWith('Super')) expect(size, title).toBeLessThan(titleSizes(title)[0]!);
      const layered = decodePng(await renderCard(input)).pixels;
      expect(boxEdgesWhite(layered), title).toBe(true);
      expect(differingPixels(layered, decodePng(await renderWholeCard(input, size)).pixels), title).toBe(0);
    }
  });
});
