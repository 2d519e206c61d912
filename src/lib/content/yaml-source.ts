import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, isAlias, isCollection, isNode, isPair, type Document, type Node } from 'yaml';

/** Parsed YAML plus a way back from a field path to the line it was written on. */
export interface ParsedYaml {
  data: unknown;
  /** YAML syntax errors, with 1-based lines in the whole file. */
  errors: { line: number; message: string }[];
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Parses YAML with the YAML 1.2 core schema, which has no timestamp type: an unquoted
 * `2026-02-30` stays the text the author wrote, so date checks see it instead of a
 * silently rolled-over date. `firstLine` is where the YAML starts in its file.
 *
 * Two parsers, one reading: js-yaml reads well-formed YAML about fifteen times faster than
 * `yaml`, which matters with thousands of files, but only `yaml` keeps each node's position.
 * So js-yaml reads first, and `yaml` is used for what needs positions: a syntax error (its
 * messages are the ones authors see) and `lineOf`, parsed on first use, which only a
 * diagnostic asks for. Anchors and aliases also go to `yaml`; what is bounded is how far they
 * expand (`MAX_EXPANDED_VALUES`), never how often one is used.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const fast = readFast(text);
  if (fast.ok) {
    let located: ParsedYaml | undefined;
    return {
      data: fast.data,
      errors: [],
      lineOf: (path) => (located ??= parseYamlWithPositions(text, firstLine)).lineOf(path),
    };
  }
  return parseYamlWithPositions(text, firstLine);
}

/**
 * What js-yaml reads differently from `yaml`, or accepts where `yaml` reports an error, is
 * left to `yaml`: anchors and aliases (`&`, `*`, also in plain text, where they are rare),
 * tags (`!`), old Mac line ends (a lone CR), document end markers and 8-digit escapes.
 */
const READ_BY_YAML = /[&*]|(?:^|[\s,[{])!|\r(?!\n)|^\.\.\.|\\U/m;

function readFast(text: string): { ok: true; data: unknown } | { ok: false } {
  if (READ_BY_YAML.test(text)) return { ok: false };
  try {
    // No aliases get this far; should one, js-yaml refuses it and `yaml` reads the file.
    return { ok: true, data: loadYaml(text, { schema: CORE_SCHEMA, maxAliases: 0 }) };
  } catch {
    return { ok: false };
  }
}

/** The `yaml` reading alone, with positions: what `parseYaml` must always agree with. */
export function parseYamlWithPositions(text: string, firstLine: number): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, {
    lineCounter,
    schema: 'core',
    // `<<: *defaults` is how YAML authors share fields; YAML 1.2 leaves it out, authors do not.
    merge: true,
    prettyErrors: true,
    uniqueKeys: true,
  });
  // The first error is the one to fix: later ones are mostly its echoes (one stray tab
  // otherwise gives a dozen messages).
  const errors = doc.errors.slice(0, 1).map((error) => ({
    line: (error.linePos?.[0].line ?? 1) + firstLine - 1,
    message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
  }));
  if (!errors.length && doc.contents) {
    const size = expandedSize(doc, doc.contents);
    if (size > MAX_EXPANDED_VALUES) {
      errors.push({
        line: firstLine,
        message: `its anchors and aliases expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values; expected a file that reads as a roadmap's worth of data (an alias of an alias of ... multiplies)`,
      });
    }
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + firstLine - 1;
    }
    return undefined;
  };
  return { data: errors.length ? undefined : doc.toJS({ maxAliasCount: -1 }), errors, lineOf };
}

/**
 * How many values a document holds once every alias is replaced by what it names. Using one
 * anchor a thousand times is fine (a thousand copies); nesting aliases of aliases grows
 * exponentially ("billion laughs") and is what this bounds, far above any real content file.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

function expandedSize(doc: Document, root: Node): number {
  const memo = new Map<Node, number>();
  const sizeOf = (node: unknown, depth: number): number => {
    if (!isNode(node)) return isPair(node) ? sizeOf(node.key, depth) + sizeOf(node.value, depth) : 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    // A cycle (an alias inside its own anchor) cannot be expanded; count it as huge.
    if (depth > 1000) return Infinity;
    let size = 1;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      size = target ? sizeOf(target, depth + 1) : 1;
    } else if (isCollection(node)) {
      for (const item of node.items) {
        size += sizeOf(item, depth + 1);
        if (size > MAX_EXPANDED_VALUES) break;
      }
    }
    memo.set(node, size);
    return size;
  };
  return sizeOf(root, 0);
}

/** A Markdown file's YAML frontmatter, between `---` lines at its very start. */
export const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/** Splits a Markdown/MDX file into its YAML frontmatter (parsed) and its body. */
export function parseFrontmatter(
  text: string,
): ParsedYaml & { hasFrontmatter: boolean; body: string; /** File line the body starts on. */ bodyLine: number } {
  const match = FRONTMATTER.exec(text);
  if (!match || match.index !== 0) {
    return { ...parseYaml(''), data: {}, hasFrontmatter: false, body: text, bodyLine: 1 };
  }
  const parsed = parseYaml(match[1] ?? '', 2);
  return {
    ...parsed,
    data: parsed.data ?? (parsed.errors.length ? undefined : {}),
    hasFrontmatter: true,
    body: text.slice(match[0].length),
    bodyLine: 1 + (match[0].match(/\n/g)?.length ?? 0),
  };
}
