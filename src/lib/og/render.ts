import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { fontData } from '../render/fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardInput, cardTree } from './card.ts';

/** Draws a card with satori (text becomes paths with the bundled Inter) and rasterises it with resvg. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const svg = await satori(cardTree(input), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: fontData().map((f) => ({ name: 'Inter', data: f.data, weight: f.weight, style: 'normal' as const })),
  });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
