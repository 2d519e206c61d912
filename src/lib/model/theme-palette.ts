/**
 * Theme colours. A hash of the name let three of four themes share one tan; instead, themes
 * without a colour of their own take the palette's colours in order (site.yaml's order, then
 * first appearance), so the first twelve are always distinct. From the thirteenth on the
 * colours repeat and a second cue, the marker's shape, tells the themes apart.
 *
 * Every colour has at least 3:1 contrast (WCAG 2.2 non-text contrast, 1.4.11) against the
 * site's page, soft and card backgrounds in light and in dark mode, so one colour serves both.
 */

/** Blue, orange, green, purple, crimson, teal, gold, magenta, lime, wine, brown, grey. */
export const THEME_PALETTE = [
  '#2d6be8',
  '#d65c0b',
  '#167c41',
  '#9d45d0',
  '#df2039',
  '#0891a0',
  '#b28405',
  '#d53aa7',
  '#649a27',
  '#b93e71',
  '#9f5a3c',
  '#7c7c7c',
] as const;

/** The second cue, by how many times the palette has been gone round. */
export const THEME_MARKS = ['circle', 'square', 'diamond', 'triangle'] as const;
export type ThemeMark = (typeof THEME_MARKS)[number];

/** The backgrounds theme colours are drawn on (global.css: --bg, --bg-soft, --bg-card, light then dark). */
export const THEME_BACKGROUNDS = ['#ffffff', '#f4f6f9', '#12151a', '#1a1f26', '#171b21'] as const;

export interface ThemeColour {
  color: string;
  mark: ThemeMark;
}

/**
 * Colours for themes in display order: a theme's own colour wins; the others take the
 * palette's colours in turn, with a new marker shape each time round.
 */
export function assignThemeColours(themes: readonly { color: string | null }[]): ThemeColour[] {
  let next = 0;
  return themes.map((t) => {
    if (t.color) return { color: t.color, mark: 'circle' };
    const i = next++;
    return {
      color: THEME_PALETTE[i % THEME_PALETTE.length]!,
      mark: THEME_MARKS[Math.floor(i / THEME_PALETTE.length) % THEME_MARKS.length]!,
    };
  });
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
