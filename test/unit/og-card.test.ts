import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type CardInput, TITLE_BOX, clampTitle } from '../../src/lib/og/card.ts';
import { renderCard, renderWholeCard } from '../../src/lib/og/render.ts';
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
    // Drawn at the same time, as a worker may: no card may see another's title.
    const layered = await Promise.all(inputs.map(renderCard));
    for (const [i, input] of inputs.entries()) {
      const whole = decodePng(await renderWholeCard(input)).pixels;
      expect(differingPixels(decodePng(layered[i]!).pixels, whole), input.title).toBe(0);
    }
  });

  it('keeps the longest title it allows inside the title box at every size', async () => {
    // The three sizes start above 32 and 60 characters; 90 is where titles are cut.
    for (const length of [32, 60, 90, 200]) {
      const title = clampTitle(titleOf(length));
      const { pixels } = decodePng(await renderCard(card(title)));
      for (const y of [TITLE_BOX.top, TITLE_BOX.top + TITLE_BOX.height - 1]) {
        const row = pixels.subarray(
          (y * CARD_WIDTH + TITLE_BOX.left) * 4,
          (y * CARD_WIDTH + TITLE_BOX.left + TITLE_BOX.width) * 4,
        );
        expect(
          row.every((byte) => byte === 255),
          `row ${y} of a ${length}-character title`,
        ).toBe(true);
      }
    }
  });
});
