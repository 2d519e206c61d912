import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { fontData } from '../render/fonts.ts';
import { OpaqueImage } from '../render/opaque-image.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  type CardInput,
  TITLE_BOX,
  TITLE_MARGIN,
  backgroundTree,
  cardTree,
  titleSizes,
  titleTree,
} from './card.ts';

/**
 * Draws a card in two layers, both with satori (text becomes paths with the bundled Inter)
 * and resvg: the background (site, kind, detail, accent), which many cards share and each
 * worker draws once, and the title, drawn into its box on that background. Drawing and
 * rasterising text is most of a card's cost, and the title is all that differs between cards
 * of one kind: about 10 ms a card instead of 14 drawn whole (docs/performance.md). Cards are
 * opaque, so they are written as RGB; zlib level 3 (no row filters) makes 30 to 55 KB.
 */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const [card, title] = await Promise.all([background(input), drawTitle(input)]);
  // Drawn on the shared background itself: the title covers its whole box, and the card is
  // encoded with no pause after it, so no other card's title can show through or slip in.
  card.paste(TITLE_BOX.left, TITLE_BOX.top, TITLE_BOX.width, TITLE_BOX.height, title.pixels);
  return card.png({ level: 3 });
}

/**
 * The title's box, drawn at the largest size at which it fits: no ink in the rows drawn
 * around the box. Most titles fit the first time.
 */
export async function drawTitle(input: Pick<CardInput, 'title'>): Promise<{ size: number; pixels: Uint8Array }> {
  const size = { width: TITLE_BOX.width, height: TITLE_BOX.height + 2 * TITLE_MARGIN };
  const margin = TITLE_BOX.width * TITLE_MARGIN * 4;
  const sizes = titleSizes(input.title);
  for (const [i, fontSize] of sizes.entries()) {
    const rgba = await rasterise(titleTree(input, fontSize), size);
    const above = rgba.subarray(0, margin);
    const below = rgba.subarray(rgba.length - margin);
    if ((isWhite(above) && isWhite(below)) || i === sizes.length - 1) {
      return { size: fontSize, pixels: rgba.subarray(margin, rgba.length - margin) };
    }
  }
  throw new Error('unreachable: the last size is always taken');
}

/** The card drawn whole, in one pass: what the layered drawing must look like. */
export async function renderWholeCard(input: CardInput, titleSize?: number): Promise<Buffer> {
  const size = { width: CARD_WIDTH, height: CARD_HEIGHT };
  return OpaqueImage.fromRgba(CARD_WIDTH, CARD_HEIGHT, await rasterise(cardTree(input, titleSize), size)).png({
    level: 3,
  });
}

let white = Buffer.alloc(0);
function isWhite(pixels: Uint8Array): boolean {
  if (white.length !== pixels.length) white = Buffer.alloc(pixels.length, 0xff);
  return white.equals(pixels);
}

/**
 * Backgrounds by what they show, most recently used last; at most 32 of 2.3 MB per worker.
 * Pages such as objectives (whose detail line shows their progress) have a background of
 * their own: one seen for the first time takes a free place, but pushes none out.
 */
const backgrounds = new Map<string, Promise<OpaqueImage>>();
const BACKGROUNDS_KEPT = 32;
const seen = new Set<string>();

function background(input: CardInput): Promise<OpaqueImage> {
  const { title: _title, ...rest } = input;
  const key = JSON.stringify(rest);
  let image = backgrounds.get(key);
  if (!image) {
    const size = { width: CARD_WIDTH, height: CARD_HEIGHT };
    image = rasterise(backgroundTree(rest), size).then((rgba) => OpaqueImage.fromRgba(CARD_WIDTH, CARD_HEIGHT, rgba));
    // A failed drawing is not kept: the next card asks again and reports its own error.
    image.catch(() => backgrounds.delete(key));
    const seenBefore = seen.has(key);
    seen.add(key);
    if (!seenBefore && backgrounds.size >= BACKGROUNDS_KEPT) return image;
  }
  keep(backgrounds, key, image, BACKGROUNDS_KEPT);
  return image;
}

function keep<T>(list: Map<string, T>, key: string, value: T, most: number): void {
  list.delete(key);
  list.set(key, value);
  if (list.size > most) list.delete(list.keys().next().value!);
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
