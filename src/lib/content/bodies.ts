import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { init as initLexer, parse as lexImports } from 'es-module-lexer';
import { htmlToHast, markdownToHast, mdxToHast, mdxToJs } from 'satteri';
import type { Diagnostic } from './diagnostics.ts';
import { isForbiddenImport, resolveImportPath, stripQuery } from './content-folder.ts';
import { type HiddenTargets, linkResolver, reachMessage } from './rendered-links.ts';

/**
 * Bodies compiled with the build's own compiler (Sätteri, as Astro 7 runs it), before Astro
 * does: a body that does not compile, a script, an inline event handler, a `javascript:` URL
 * or an import of another content file is a diagnostic with file, line and column, in `check`
 * and in `build` alike, rather than a stack trace halfway through rendering.
 */

/** This module's own file: what a cache of its verdicts must be invalidated by. */
export const BODIES_MODULE = import.meta.url;

export interface BodyFile {
  /** Path inside the content folder, `/`-separated. */
  path: string;
  /** Whole file, frontmatter included, so positions are file positions. */
  bytes: Uint8Array;
}

export interface BodyCheckOptions {
  /**
   * For public entries' bodies (a public build, and `check`): where their pages are (file ->
   * page path) and what is hidden, so links written in them are resolved as a browser will and
   * those reaching an internal entry reported before anything renders.
   */
  links?: { base: string; siteUrl: string | null; hidden: HiddenTargets; pageOf: ReadonlyMap<string, string> };
  contentDir: string;
  /** How messages name the content folder (`content`). */
  contentLabel: string;
  projectRoot: string;
}

interface Point {
  line?: number;
  column?: number;
}
interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start?: Point };
}

// Same features as Astro's Markdown/MDX processors (GFM and smart punctuation on).
const FEATURES = { gfm: true, smartPunctuation: true } as const;

/** Every problem in one body; empty when it compiles and is safe to publish. */
export async function checkBody(file: BodyFile, options: BodyCheckOptions): Promise<Diagnostic[]> {
  const where = `${options.contentLabel}/${file.path}`;
  const problems: Diagnostic[] = [];
  const report = (at: Point | undefined, field: string, message: string, value?: unknown) =>
    problems.push({
      severity: 'error',
      file: where,
      ...(at?.line ? { line: at.line } : {}),
      ...(at?.line && at.column ? { column: at.column } : {}),
      field,
      ...(value !== undefined ? { value } : {}),
      message,
    });

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    report(
      pointOfByte(file.bytes, firstInvalidUtf8(file.bytes)),
      'body',
      'is not UTF-8 text; expected a Markdown/MDX text file',
    );
    return problems;
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    report(pointOf(text, nul), 'body', 'holds a NUL byte (binary data); expected a Markdown/MDX text file');
    return problems;
  }

  const mdx = file.path.endsWith('.mdx');
  const fileURL = pathToFileURL(join(options.contentDir, file.path));
  let tree: Node;
  try {
    tree = mdx ? mdxToHast(text, { features: FEATURES }) : markdownToHast(text, { features: FEATURES });
  } catch (error) {
    const { point, message } = compileError(error);
    report(point, 'body', `does not compile: ${message}`);
    return problems;
  }
  const page = options.links?.pageOf.get(file.path);
  const reach = options.links && page !== undefined ? linkResolver(options.links, page) : null;
  const hiddenPages = options.links?.hidden.pages;
  const reportLink: LinkReport | null = reach
    ? (at, url) => {
        const reached = reach(url);
        // A root-relative link straight to the page is the loader's error already (cross-checks).
        if (reached && !hiddenPages?.has(plainPath(url))) report(at, 'body', reachMessage(url, reached), url);
      }
    : null;
  walk(tree, undefined, report, reportLink);

  if (mdx) {
    let code: string;
    try {
      code = mdxToJs(text, { features: FEATURES, fileURL, jsxImportSource: 'astro' }).code;
    } catch (error) {
      const { point, message } = compileError(error);
      report(point, 'body', `does not compile: ${message}`);
      return problems;
    }
    await initLexer();
    const importer = join(options.contentDir, file.path);
    for (const spec of importSpecifiers(code)) {
      const at = pointOfSpecifier(text, spec);
      if (spec === null) {
        report(
          at,
          'import',
          'an import whose path is computed (import() of an expression, import.meta.glob) cannot be checked; expected a written path outside the content folder',
        );
        continue;
      }
      const target = resolveImportPath(spec, importer, options.projectRoot);
      const query = /[?#].*$/s.exec(spec)?.[0] ?? '';
      if (target && isForbiddenImport(target + query, options.contentDir)) {
        report(at, 'import', importMessage(spec), spec);
      } else if (target && isWrittenPath(spec) && !existsAsModule(target)) {
        // The bundler would stop on it later, with a message of its own: said here, by `check` too.
        report(at, 'import', missingImportMessage(spec), spec);
      }
    }
  }
  return problems;
}

/** An import written as a path (not a package): `./x`, `../x`, `/x`. */
const isWrittenPath = (spec: string) => /^(?:\.{1,2}(?:\/|$)|\/)/.test(stripQuery(spec));

/**
 * Whether something is there for the bundler to resolve `path` to: the file, a folder, or a
 * file named `path` plus an extension (the bundler tries several; any will do here).
 */
function existsAsModule(path: string): boolean {
  if (existsSync(path)) return true;
  try {
    const name = basename(path);
    return readdirSync(dirname(path)).some((entry) => entry.startsWith(`${name}.`));
  } catch {
    return false;
  }
}

const missingImportMessage = (specifier: string): string =>
  `imports ${JSON.stringify(specifier)}, which does not exist; expected a path to a file: from this body's folder (./, ../), or from Cairn's own files when it starts with / (/src/components/…)`;

/** The message for an import of a content file; the bundler's guard says the same. */
export const importMessage = (specifier: string): string =>
  `imports ${JSON.stringify(specifier)}, a file inside the content folder; expected components from Cairn or from files outside the content folder (importing another entry would bypass the audience rules)`;

/** Static imports, re-exports and dynamic imports of compiled MDX (null: a computed `import()` path). */
function importSpecifiers(code: string): (string | null)[] {
  const [imports] = lexImports(code);
  const out: (string | null)[] = [];
  for (const entry of imports) {
    // import.meta.glob is an import too, of paths the lexer cannot see: as unknown as a computed one.
    if (entry.type === 'import-meta') out.push(null);
    else out.push(entry.specifier ?? null);
  }
  return out;
}

function pointOfSpecifier(text: string, spec: string | null): Point | undefined {
  const needles = spec === null ? ['import(', 'import.meta'] : [`"${spec}"`, `'${spec}'`, `\`${spec}\``, spec];
  for (const needle of needles) {
    const index = text.indexOf(needle);
    if (index >= 0) return pointOf(text, index);
  }
  return undefined;
}

type Report = (at: Point | undefined, field: string, message: string, value?: unknown) => void;
type LinkReport = (at: Point | undefined, url: string) => void;

/** `/wiki/x/#a` -> `wiki/x/`, as the loader's link check compares; `` for anything else. */
function plainPath(href: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return '';
  const [path = ''] = href.split(/[?#]/, 1);
  try {
    return decodeURI(path.replace(/^\/+/, '').replace(/\/?$/, '/')).toLowerCase();
  } catch {
    return '';
  }
}

const SCRIPT_MESSAGE = 'a <script> element; expected none in a body (a roadmap page runs no author scripts)';
const handlerMessage = (name: string) =>
  `an inline event handler ${JSON.stringify(name)}; expected none in a body (a roadmap page runs no author scripts)`;
const JS_URL_MESSAGE = 'a javascript: URL; expected a link to a page or a web address';

/** `javascript:` the way a browser reads a URL: case-insensitive, ignoring spaces and control characters. */
export function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^(?:javascript|vbscript):/.test(squeezed) || /^data:text\/html/.test(squeezed);
}

const URL_ATTRIBUTES = new Set(['href', 'src']);
const badEscape = (name: string) =>
  `a ${name} with a malformed % escape; expected %XX with two hex digits of UTF-8 (write %25 for a literal %)`;

function decodes(value: string): boolean {
  try {
    decodeURI(value);
    return true;
  } catch {
    return false;
  }
}

const isHandler = (name: string) => /^on[a-z]/i.test(name);

function walk(node: Node, inherited: Point | undefined, report: Report, link: LinkReport | null): void {
  const at = node.position?.start?.line ? node.position.start : inherited;
  switch (node.type) {
    case 'element': {
      if (node.tagName?.toLowerCase() === 'script') report(at, 'body', `has ${SCRIPT_MESSAGE}`);
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        if (isHandler(name)) report(at, 'body', `has ${handlerMessage(name.toLowerCase())}`);
        else if (typeof value === 'string' && isScriptUrl(value)) report(at, 'body', `has ${JS_URL_MESSAGE}`, value);
        else if (typeof value === 'string' && URL_ATTRIBUTES.has(name) && !decodes(value))
          report(at, 'body', `has ${badEscape(name)}`, value);
        else if (typeof value === 'string' && URL_ATTRIBUTES.has(name)) link?.(at, value);
      }
      break;
    }
    case 'raw': {
      // Raw HTML in Markdown reaches the page as written: parse it as the browser will.
      if (typeof node.value === 'string') walk(htmlToHast(node.value, { fragment: true }), at, report, link);
      break;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      if (node.name?.toLowerCase() === 'script') report(at, 'body', `has ${SCRIPT_MESSAGE}`);
      for (const attribute of node.attributes ?? []) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          report(
            at,
            'body',
            'has a spread attribute ({...}), which cannot be checked for event handlers; expected attributes written out',
          );
          continue;
        }
        const name = attribute.name ?? '';
        if (isHandler(name)) report(at, 'body', `has ${handlerMessage(name)}`);
        else if (typeof attribute.value === 'string' && isScriptUrl(attribute.value))
          report(at, 'body', `has ${JS_URL_MESSAGE}`, attribute.value);
        else if (typeof attribute.value === 'string' && URL_ATTRIBUTES.has(name) && !decodes(attribute.value))
          report(at, 'body', `has ${badEscape(name)}`, attribute.value);
        else if (typeof attribute.value === 'string' && URL_ATTRIBUTES.has(name)) link?.(at, attribute.value);
      }
      break;
    }
  }
  for (const child of node.children ?? []) walk(child, at, report, link);
}

/** Sätteri's compile errors read `7:1: Expected a closing tag …`. */
function compileError(error: unknown): { point: Point | undefined; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*)$/.exec(text);
  if (!match) return { point: undefined, message: text };
  return { point: { line: Number(match[1]), column: Number(match[2]) }, message: match[3]!.trim() };
}

function pointOf(text: string, index: number): Point {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let end = 1; end <= bytes.length; end += 1) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    } catch {
      return end - 1;
    }
  }
  return 0;
}

function pointOfByte(bytes: Uint8Array, index: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Checks the bodies of the given content files (`.md`/`.mdx`; others are skipped). */
export async function checkBodies(paths: readonly string[], options: BodyCheckOptions): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const path of paths) {
    if (!/\.mdx?$/.test(path)) continue;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(options.contentDir, ...path.split('/')));
    } catch {
      continue; // The loader reports files it cannot read.
    }
    out.push(...(await checkBody({ path, bytes }, options)));
  }
  return out;
}
