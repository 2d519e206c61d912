import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { importMessage } from '../lib/content/bodies.ts';
import { isForbiddenImport, isInsideFolder, stripQuery } from '../lib/content/content-folder.ts';

interface Options {
  contentDir: string;
  contentLabel: string;
}

/** What the build prints for an import of a content file; `build.ts` shows it without a stack. */
export class ContentImportError extends Error {
  override name = 'ContentImportError';
}

/**
 * A body that imports another content file (an MDX component, a Markdown file's frontmatter,
 * `?raw` text) would publish it whatever its audience. Checked where the bundler resolves
 * imports, so aliases, `../` paths, query suffixes, re-exports, `import()` and
 * `import.meta.glob` are all seen as the bundler sees them: a module inside the content folder
 * may import nothing inside it, and neither may any module it brings in.
 */
export function contentImportGuard(options: Options): Plugin {
  // Modules reached from a content file, by the import in that file that brought them in:
  // an author's helper outside the folder cannot relay an entry either.
  const fromContent = new Map<string, string>();
  const isContent = (id: string) => isInsideFolder(id, options.contentDir);
  const label = (id: string) =>
    `${options.contentLabel}/${relative(options.contentDir, stripQuery(id)).split('\\').join('/')}`;
  return {
    name: 'cairn-content-import-guard',
    enforce: 'pre',
    async resolveId(source, importer, resolveOptions) {
      if (!importer || importer.startsWith('\0')) return null;
      const direct = isContent(importer);
      const relayedFrom = fromContent.get(stripQuery(importer));
      if (!direct && !relayedFrom) return null;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      if (!resolved || resolved.external === true) return resolved;
      // A module importing itself under another query (Astro's entry and asset variants) is no bypass.
      const self = stripQuery(resolved.id) === stripQuery(importer);
      if (!self && !resolved.id.startsWith('\0') && isForbiddenImport(resolved.id, options.contentDir)) {
        const where = direct ? `${label(importer)}${lineOf(stripQuery(importer), source)}` : relayedFrom!;
        const via = direct ? '' : ` through ${relative(process.cwd(), stripQuery(importer))}`;
        throw new ContentImportError(
          `error ${where}: import: ${importMessage(source)} (it resolves to ${label(resolved.id)}${via})`,
        );
      }
      const relay =
        !resolved.id.startsWith('\0') && !/[\\/]node_modules[\\/]/.test(resolved.id) && !isContent(resolved.id);
      if (relay && !fromContent.has(stripQuery(resolved.id))) {
        fromContent.set(
          stripQuery(resolved.id),
          direct ? `${label(importer)}${lineOf(stripQuery(importer), source)}` : relayedFrom!,
        );
      }
      return resolved;
    },
  };
}

/** `:<line>` of the first line of the importing file that names the specifier, when it can be read. */
function lineOf(file: string, specifier: string): string {
  try {
    const index = readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(specifier));
    return index >= 0 ? `:${index + 1}` : '';
  } catch {
    return '';
  }
}
