import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Where content files come from: a folder on disk, or the same folder at a git revision.
 * The loader sees only this, so the build, `check` and `diff` read content the same way.
 */
export interface ContentSource {
  /** How the folder is named in messages: `content`, or `content@main` for a revision. */
  label: string;
  /** Every file under the folder, as `/`-separated paths relative to it, sorted. */
  list(): Promise<string[]>;
  read(path: string): Promise<string>;
}

const skipped = (path: string): boolean =>
  path.split('/').some((part) => part.startsWith('.') || part === 'node_modules');

/** A content folder on disk; `label` is how messages name it (usually its path from the project). */
export function diskSource(root: string, label: string = root): ContentSource {
  return {
    label,
    async list() {
      // A missing or unreadable folder rejects here; the loader reports it like any other problem.
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
        .filter((path) => !skipped(path))
        .sort();
    },
    read: (path) => readFile(join(root, ...path.split('/')), 'utf8'),
  };
}

export function relativeLabel(projectRoot: string, folder: string): string {
  const rel = relative(projectRoot, folder).split(sep).join('/');
  return rel && !rel.startsWith('..') ? rel : folder;
}
