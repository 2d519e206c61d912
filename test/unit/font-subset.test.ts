import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontsFor } from '../../src/lib/render/font-subset.ts';
import { fontFiles } from '../../src/lib/render/fonts.ts';
import { svgBandsToPng } from '../../src/lib/render/png.ts';
import { decodePng } from '../support/png.ts';

/**
 * Timeline PNGs are drawn with Inter cut down to what each drawing writes: the PNG must be
 * exactly the one the whole font draws, for every weight and for text beyond ASCII.
 */
const line = (y: number, weight: number, text: string) =>
  `<text x="10" y="${y}" style="font-size:22px;font-weight:${weight};fill:#1a1d23">${text}</text>`;
const drawing = (lines: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 ${40 * lines.length + 20}" style="font-family:Inter, system-ui, sans-serif">${lines.join('')}</svg>`;

const TEXTS = [
  'Single sign-on · FY27 Q1 → Q2 — “quoted” &amp; &lt;escaped&gt; 50%',
  'Café, naïve, Ærø, Straße, Łódź, Dvořák, İstanbul',
  'Ωμέγα, Жёлтый, Ελλάδα, Čeština, Tiếng Việt',
  'References: &#8364; &#x416;&#1073; &#x2192; &#x2713;',
];
/** Characters Inter has no glyph for: drawn as its missing-glyph box, which subsets leave out. */
const MISSING = ['漢字', 'emoji 🚀', 'a reference: &#x1F600;'];

const dir = () => mkdtempSync(join(tmpdir(), 'cairn-fonts-'));
const pixels = async (svg: string, fonts: string[]) =>
  decodePng(await svgBandsToPng(800, [svg], undefined, fonts)).pixels;

describe('fonts cut down to a drawing', () => {
  it('draw every weight and script exactly as the whole font does', async () => {
    const svg = drawing(
      TEXTS.flatMap((text, i) => [400, 600, 700].map((w, j) => line(40 + (i * 3 + j) * 40, w, text))),
    );
    const subsets = await fontsFor([svg], dir());
    expect(subsets).not.toEqual(fontFiles());
    expect(Buffer.compare(await pixels(svg, subsets), await pixels(svg, fontFiles()))).toBe(0);
  });

  it('are not used for a drawing that writes a character Inter lacks: the whole font draws its box', async () => {
    for (const text of MISSING) {
      const svg = drawing([line(40, 400, `Roadmap ${text}`)]);
      expect(await fontsFor([svg], dir()), text).toEqual(fontFiles());
    }
  });

  it('are a fraction of the whole font', async () => {
    const subsets = await fontsFor([drawing([line(40, 400, 'Roadmap')])], dir());
    for (const [i, file] of subsets.entries())
      expect(statSync(file).size).toBeLessThan(statSync(fontFiles()[i]!).size / 2);
  });

  it('are made once for the same characters, and anew for characters beyond them', async () => {
    const where = dir();
    const a = await fontsFor([drawing([line(40, 400, 'Planned · Trust')])], where);
    const b = await fontsFor([drawing([line(40, 700, 'Shipped – Speed'), line(80, 400, 'Ærø')])], where);
    const c = await fontsFor([drawing([line(40, 400, 'Жёлтый')])], where);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
