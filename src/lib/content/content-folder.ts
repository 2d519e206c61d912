import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The one decision "is this module inside the content folder", shared by the bundler's import
 * guard (astro.config.mjs) and `check`: a body importing another content file would bypass
 * the audience rules, so both must agree on what counts as inside.
 */
export function isInsideFolder(path: string, folder: string): boolean {
  const target = realOrSelf(stripQuery(path));
  const root = realOrSelf(folder);
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/**
 * Whether a body may not import this resolved module: anything inside the content folder
 * except a plain image (Markdown's `![](./chart.png)` compiles to one; an image is no entry).
 */
export function isForbiddenImport(resolvedId: string, folder: string): boolean {
  if (!isInsideFolder(resolvedId, folder)) return false;
  const plain = resolvedId.replace(/^\0+/, '');
  return !(IMAGE.test(plain) && !/[?#]/.test(plain));
}

/** A bundler id without Vite/Rollup decorations: `\0` prefix, `?raw`, `#hash`, `/@fs/`. */
export function stripQuery(id: string): string {
  let path = id.replace(/^\0+/, '').replace(/[?#].*$/s, '');
  if (path.startsWith('/@fs/')) path = path.slice('/@fs'.length);
  if (path.startsWith('file://')) {
    try {
      path = fileURLToPath(path);
    } catch {
      // Not a file URL after all; keep the text.
    }
  }
  return path;
}

/** The real path of the longest existing prefix of `path`, so symlinks and missing extensions both resolve. */
function realOrSelf(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(existing), ...rest);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      rest.unshift(existing.slice(parent.length).replace(/^[\\/]/, ''));
      existing = parent;
    }
  }
}

/**
 * Where an import written in `importer` points, the way Vite resolves it without aliases:
 * relative and absolute paths, `/`-rooted paths (project root first), file URLs and packages.
 * Null for virtual modules (`astro:assets`) and packages that do not resolve.
 */
export function resolveImportPath(specifier: string, importer: string, projectRoot: string): string | null {
  const spec = stripQuery(specifier);
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
    return resolve(dirname(importer), spec);
  }
  if (spec.startsWith('/')) {
    const inRoot = join(projectRoot, spec);
    return existsAsPrefix(inRoot) ? inRoot : spec;
  }
  if (isAbsolute(spec)) return spec;
  if (/^[a-z][a-z0-9+.-]*:/i.test(spec)) return null;
  try {
    return createRequire(importer).resolve(spec);
  } catch {
    return null;
  }
}

function existsAsPrefix(path: string): boolean {
  try {
    realpathSync(dirname(path));
    return true;
  } catch {
    return false;
  }
}
