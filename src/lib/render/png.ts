import { Resvg } from '@resvg/resvg-js';
import { fontFiles } from './fonts.ts';
import { encodePng } from './png-encoder.ts';

/**
 * Renders an SVG drawing, given as bands of rows (each an SVG of its own), to one PNG `width`
 * pixels wide, with the bundled Inter font only (`fonts`: its files, or subsets of them; see font-subset.ts). A band is drawn, compressed and dropped
 * before the next, so memory stays at one band whatever the drawing's height. `afterBand`
 * runs between bands with the bytes of pixels the band drew (the image worker collects
 * resvg's native buffers there).
 */
export function svgBandsToPng(
  width: number,
  bands: string[],
  afterBand?: (bytes: number) => void,
  fonts: string[] = fontFiles(),
): Promise<Buffer> {
  function* rows(): Generator<Uint8Array> {
    for (const band of bands) {
      const image = new Resvg(band, {
        fitTo: { mode: 'width', value: width },
        font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'Inter' },
        background: '#ffffff',
      }).render();
      if (image.width !== width) throw new Error(`a band drew ${image.width} pixels wide, not ${width}`);
      // Each read of `pixels` copies them out of resvg: read once.
      const pixels = image.pixels;
      yield pixels;
      // Drawn once by resvg and copied once here.
      afterBand?.(pixels.length * 2);
    }
  }
  // Level 3: a third of level 6's time for a slide, the file about a third larger.
  return encodePng(width, rows(), { level: 3 });
}
