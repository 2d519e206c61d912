import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Inter, shipped as TTF by an npm package, so images render the same on every machine and
 * need no system fonts. Resolved from Cairn's package (`cairn` sets CAIRN_PACKAGE_ROOT): bundled build code has no stable
 * `import.meta.url` of its own.
 */
const require = createRequire(join(process.env.CAIRN_PACKAGE_ROOT ?? process.cwd(), 'package.json'));

export const FONT_WEIGHTS = { 400: 'Regular', 600: 'SemiBold', 700: 'Bold' } as const;

export function fontFile(weight: keyof typeof FONT_WEIGHTS): string {
  const name = `${weight}${FONT_WEIGHTS[weight]}`;
  return require.resolve(`@expo-google-fonts/inter/${name}/Inter_${name}.ttf`);
}

export const fontFiles = (): string[] => [fontFile(400), fontFile(600), fontFile(700)];

let cache: { weight: 400 | 600 | 700; data: Buffer }[] | undefined;
export function fontData() {
  cache ??= ([400, 600, 700] as const).map((weight) => ({ weight, data: readFileSync(fontFile(weight)) }));
  return cache;
}
