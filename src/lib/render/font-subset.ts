import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { FONT_WEIGHTS, fontFile, fontFiles } from './fonts.ts';

/**
 * Inter cut down to the characters a drawing needs, for resvg. resvg 2.6 reads a font file
 * from disk again for every character it lays out: a slide's 700 characters read Inter's
 * 340 KB files 800 times, most of the time it took to lay a slide out. A subset of about
 * 90 KB is read as often but costs a third as much.
 *
 * Every subset holds printable ASCII, Latin-1, general punctuation and arrows, plus whatever
 * else the drawing writes, with Inter's layout tables and names kept: what resvg draws with
 * it is pixel for pixel what it draws with the whole font (a unit test holds them equal), so
 * the images' cache keys need not know about it. A drawing that writes a character Inter does
 * not have is drawn with the whole font, whose missing-glyph box a subset would leave out.
 * Subsets are kept in `dir` by what they hold; if one cannot be made, the whole font is used.
 */

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');
const BASE = range(0x20, 0x7e) + range(0xa0, 0xff) + range(0x2010, 0x205e) + range(0x2190, 0x21ff);
const IN_BASE = new Set(BASE);
/** harfbuzz drops most of the `name` table, and with it what tells resvg Inter's weights apart. */
const OPTIONS = { targetFormat: 'truetype', preserveNameIds: Array.from({ length: 26 }, (_, i) => i) } as const;

const made = new Map<string, Promise<string[]>>();

/** Font files for drawing `svg` (or the bands of one drawing): subsets where they can be made. */
export function fontsFor(svgs: readonly string[], dir: string): Promise<string[]> {
  const extra = new Set<string>();
  for (const svg of svgs) for (const char of charactersOf(svg)) if (!IN_BASE.has(char)) extra.add(char);
  const inter = interCharacters();
  if ([...extra].some((char) => !inter.has(char.codePointAt(0)!))) return Promise.resolve(fontFiles());
  const text = BASE + [...extra].sort().join('');
  const key = createHash('sha256')
    .update(JSON.stringify([fontIdentity(), text]))
    .digest('hex')
    .slice(0, 16);
  let files = made.get(key);
  if (!files) {
    files = subsets(text, key, dir).catch(() => fontFiles());
    made.set(key, files);
  }
  return files;
}

/** Characters written in an SVG's source, character references decoded (tags are ASCII anyway). */
function charactersOf(svg: string): Set<string> {
  const out = new Set<string>();
  for (const match of svg.matchAll(/[^\x20-\x7e\s]/gu)) out.add(match[0]);
  for (const match of svg.matchAll(/&#(x[0-9a-f]+|\d+);/giu)) {
    const code =
      match[1]!.startsWith('x') || match[1]!.startsWith('X') ? parseInt(match[1]!.slice(1), 16) : Number(match[1]);
    if (code > 0 && code <= 0x10ffff) out.add(String.fromCodePoint(code));
  }
  return out;
}

async function subsets(text: string, key: string, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const weights = Object.keys(FONT_WEIGHTS).map(Number) as (keyof typeof FONT_WEIGHTS)[];
  return Promise.all(
    weights.map(async (weight) => {
      const file = join(dir, `inter-${weight}-${key}.ttf`);
      if (existsSync(file)) return file;
      const subset = await subsetFont(readFileSync(fontFile(weight)), text, OPTIONS);
      // Written aside and renamed: another worker may be making the same file.
      const partial = `${file}.${process.pid}-${threadId}.partial`;
      writeFileSync(partial, subset);
      renameSync(partial, file);
      return file;
    }),
  );
}

let covered: Set<number> | undefined;
/** The characters every weight of Inter has a glyph for. */
function interCharacters(): Set<number> {
  if (!covered) {
    // Copied at once: the array is a view of harfbuzz's memory, which the next face moves.
    const [first, ...rest] = fontFiles().map((file) =>
      Array.from(new Face(new Blob(readFileSync(file))).collectUnicodes()),
    );
    covered = new Set(first);
    for (const other of rest) {
      const has = new Set(other);
      for (const code of covered) if (!has.has(code)) covered.delete(code);
    }
  }
  return covered;
}

let identity: string | undefined;
/** Which Inter the subsets are cut from: another version of the font package makes other files. */
function fontIdentity(): string {
  identity ??= fontFiles()
    .map((file) => `${file}:${statSync(file).size}`)
    .join('|');
  return identity;
}
