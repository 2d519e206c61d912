import { Resvg } from '@resvg/resvg-js';

/** Width and height from a PNG's header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * A PNG's RGBA pixels as another decoder reads them: resvg, drawing the PNG as an image at its
 * own size. Nothing of Cairn's encoder is involved, so a PNG it wrote wrongly cannot pass.
 */
export function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const { width, height } = pngSize(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = new Resvg(svg, { fitTo: { mode: 'original' } }).render();
  if (image.width !== width || image.height !== height) throw new Error('resvg drew the PNG at another size');
  return { width, height, pixels: image.pixels };
}

/** How many pixels differ between two RGBA buffers by more than `tolerance` in any channel. */
export function differingPixels(a: Uint8Array, b: Uint8Array, tolerance = 0): number {
  if (a.length !== b.length) throw new Error(`${a.length} bytes against ${b.length}`);
  let count = 0;
  for (let i = 0; i < a.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a[i + c]! - b[i + c]!) > tolerance) {
        count += 1;
        break;
      }
    }
  }
  return count;
}
