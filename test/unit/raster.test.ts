import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { encodePng, encodePngSync } from '../../src/lib/render/png-encoder.ts';
import { svgBandsToPng } from '../../src/lib/render/png.ts';
import { OpaqueImage } from '../../src/lib/render/opaque-image.ts';
import { fontFiles } from '../../src/lib/render/fonts.ts';
import { layoutTimeline, type TimelineItem } from '../../src/lib/timeline/layout.ts';
import { FILE_PALETTE, LEGEND_HEIGHT, timelineSvg } from '../../src/lib/timeline/svg.ts';
import { pngWidth, rasterBands } from '../../src/lib/timeline/files.ts';
import { decodePng, differingPixels, pngSize } from '../support/png.ts';

/** A small picture with edges, gradients and transparency: every byte of it matters. */
function picture(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      pixels[i] = (x * 37) & 255;
      pixels[i + 1] = (y * 91) & 255;
      pixels[i + 2] = (x * y) & 255;
      pixels[i + 3] = 255;
    }
  }
  return pixels;
}

describe('the PNG encoder', () => {
  it('writes a PNG that another decoder reads back pixel for pixel', () => {
    const pixels = picture(37, 23);
    const png = encodePngSync(37, 23, pixels);
    expect(pngSize(png)).toEqual({ width: 37, height: 23 });
    expect(differingPixels(decodePng(png).pixels, pixels)).toBe(0);
  });

  it('gives the same image from bands as from the whole, whatever the band sizes', async () => {
    const pixels = picture(40, 30);
    const row = 40 * 4;
    const bands = [pixels.subarray(0, 7 * row), pixels.subarray(7 * row, 8 * row), pixels.subarray(8 * row)];
    const png = await encodePng(40, bands);
    expect(pngSize(png)).toEqual({ width: 40, height: 30 });
    expect(differingPixels(decodePng(png).pixels, pixels)).toBe(0);
  });

  it('refuses pixels that are not whole rows, and an image without rows', async () => {
    expect(() => encodePngSync(10, 2, Buffer.alloc(10 * 4 * 2 - 4))).toThrow(/not 2 rows of 10 RGBA pixels/);
    await expect(encodePng(10, [])).rejects.toThrow(/no rows/);
  });
});

describe('an opaque picture', () => {
  it('is written as an RGB PNG of the pixels it was given, with pasted pixels in place', () => {
    const under = picture(30, 20);
    const over = Buffer.alloc(8 * 5 * 4, 255);
    const image = OpaqueImage.fromRgba(30, 20, under);
    image.paste(11, 13, 8, 5, over);
    const png = image.png();
    expect(png[25], 'colour type').toBe(2);
    const expected = Buffer.from(under);
    for (let y = 13; y < 18; y++) expected.fill(255, (y * 30 + 11) * 4, (y * 30 + 19) * 4);
    expect(differingPixels(decodePng(png).pixels, expected)).toBe(0);
  });

  it('refuses pixels that do not fit where they are pasted', () => {
    const image = OpaqueImage.fromRgba(10, 10, picture(10, 10));
    expect(() => image.paste(5, 5, 6, 2, Buffer.alloc(6 * 2 * 4))).toThrow(/falls outside 10 × 10/);
    expect(() => image.paste(0, 0, 3, 3, Buffer.alloc(10))).toThrow(/not 3 × 3 RGBA pixels/);
  });
});

const item = (id: string, theme: string, start: string, end: string): TimelineItem => ({
  id,
  title: `Item ${id} with a label`,
  theme,
  status: id.charCodeAt(0) % 2 ? 'planned' : 'in-progress',
  confidence: null,
  start,
  end,
  href: `/roadmap/${id}/`,
});

describe('a timeline drawn as a PNG in bands', () => {
  const items = 'abcdefghijklmnop'
    .split('')
    .map((id, i) =>
      item(id, i % 2 ? 'Trust' : 'Speed', `2026-${String((i % 9) + 1).padStart(2, '0')}-01`, `2027-0${(i % 6) + 1}-15`),
    );
  const layout = layoutTimeline({
    items,
    themes: [
      { id: 'Trust', color: '#2f6fed' },
      { id: 'Speed', color: '#c2410c' },
    ],
    milestones: [{ title: 'Launch', date: '2026-12-01' }],
    dependencies: [],
    today: '2026-11-21',
    fiscalYearStartMonth: 1,
  });
  const options = {
    title: 'T',
    description: 'D',
    palette: FILE_PALETTE,
    idPrefix: 't',
    standalone: true,
    inlineLinks: true,
  };
  const height = layout.height + LEGEND_HEIGHT;
  const whole = timelineSvg(layout, options);
  const draw = (window: Parameters<typeof timelineSvg>[1]['window']) => timelineSvg(layout, { ...options, window });

  it('looks the same as the drawing rendered whole', async () => {
    const bandRows = 64;
    const { width, bands } = rasterBands(layout.width, height, draw, bandRows);
    expect(width).toBe(pngWidth(layout.width, height));
    expect(bands.length).toBeGreaterThan(3);
    const png = decodePng(await svgBandsToPng(width, bands));
    const reference = new Resvg(whole, {
      fitTo: { mode: 'width', value: width },
      font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'Inter' },
      background: '#ffffff',
    }).render();
    expect({ width: png.width, height: png.height }).toEqual({ width: reference.width, height: reference.height });
    // Anti-aliasing may shade an edge pixel a little differently (resvg rasterises each band
    // afresh), but nothing may move or go missing: that would differ by far more, in far more pixels.
    const pixels = reference.pixels;
    expect(differingPixels(png.pixels, pixels, 48)).toBe(0);
    expect(differingPixels(png.pixels, pixels, 2)).toBeLessThan((png.width * png.height) / 10_000);
  });

  it('puts in each band only what can show in it', () => {
    const { bands } = rasterBands(layout.width, height, draw, 64);
    const bars = (svg: string) => (svg.match(/data-item="/g) ?? []).length;
    expect(bars(whole)).toBe(items.length);
    for (const band of bands) expect(bars(band)).toBeLessThan(items.length);
    // Every bar is in some band.
    const drawn = new Set(bands.flatMap((band) => [...band.matchAll(/data-item="([^"]+)"/g)].map((m) => m[1])));
    expect(drawn.size).toBe(items.length);
  });
});
