import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { fontData } from '../render/fonts.ts';
import { OpaqueImage } from '../render/opaque-image.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardInput, TITLE_BOX, backgroundTree, cardTree, titleTree } from './card.ts';

/**
 * Draws a card in two layers, both with satori (text becomes paths with the bundled Inter)
 * and resvg: the background (site, kind, detail, accent), which many cards share and each
 * worker draws once, and the title, drawn into its box on that background. Drawing and
 * rasterising text is most of a card's cost, and the title is all that differs between cards
 * of one kind: about 9 ms a card instead of 14 drawn whole (docs/performance.md). Cards are
 * opaque, so they are written as RGB; zlib level 3 (no row filters) makes 30 to 55 KB.
 */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const [card, title] = await Promise.all([background(input), rasterise(titleTree(input), TITLE_BOX)]);
  // Drawn on the shared background itself: the title covers its whole box, and the card is
  // encoded with no pause after it, so no other card's title can show through or slip in.
  card.paste(TITLE_BOX.left, TITLE_BOX.top, TITLE_BOX.width, TITLE_BOX.height, title);
  return card.png({ level: 3 });
}

/** The card drawn whole, in one pass: what the layered drawing must look like. */
export async function renderWholeCard(input: CardInput): Promise<Buffer> {
  const size = { width: CARD_WIDTH, height: CARD_HEIGHT };
  return OpaqueImage.fromRgba(CARD_WIDTH, CARD_HEIGHT, await rasterise(cardTree(input), size)).png({ level: 3 });
}

/** Backgrounds by what they show, the most recently used kept: a build has few distinct ones. */
const backgrounds = new Map<string, Promise<OpaqueImage>>();
const BACKGROUNDS_KEPT = 32;

function background(input: CardInput): Promise<OpaqueImage> {
  const { title: _title, ...rest } = input;
  const key = JSON.stringify(rest);
  let image = backgrounds.get(key);
  if (image) {
    backgrounds.delete(key);
  } else {
    const size = { width: CARD_WIDTH, height: CARD_HEIGHT };
    image = rasterise(backgroundTree(rest), size).then((rgba) => OpaqueImage.fromRgba(CARD_WIDTH, CARD_HEIGHT, rgba));
    // A failed drawing is not kept: the next card asks again and reports its own error.
    image.catch(() => backgrounds.delete(key));
  }
  backgrounds.set(key, image);
  if (backgrounds.size > BACKGROUNDS_KEPT) backgrounds.delete(backgrounds.keys().next().value!);
  return image;
}

async function rasterise(tree: ReturnType<typeof cardTree>, size: { width: number; height: number }) {
  const svg = await satori(tree, { ...size, fonts: satoriFonts() });
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  if (image.width !== size.width || image.height !== size.height) {
    throw new Error(`a card layer drew ${image.width} × ${image.height}, not ${size.width} × ${size.height}`);
  }
  return image.pixels;
}

// One array for every card: satori finds its parsed fonts by this array first.
let fonts: Parameters<typeof satori>[1]['fonts'] | undefined;
function satoriFonts() {
  fonts ??= fontData().map((f) => ({ name: 'Inter', data: f.data, weight: f.weight, style: 'normal' as const }));
  return fonts;
}
