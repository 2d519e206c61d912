import { Resvg } from '@resvg/resvg-js';
import { fontFiles } from './fonts.ts';

/** Renders an SVG to PNG at `width` pixels wide with the bundled Inter font only. */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'Inter' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
