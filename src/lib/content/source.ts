import { type Dirent, readFileSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
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
  /** Files `list` found but refused (a symlink out of the folder), once `list` has run. */
  refused?(): RefusedFile[];
}

export interface RefusedFile {
  path: string;
  message: string;
}

const skippedName = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

/**
 * A content folder on disk; `label` is how messages name it (usually its path from the project).
 * Symlinks are followed when their target is inside the folder (a team may link a shared file
 * in); one that points outside, or nowhere, is refused: the build would otherwise publish a
 * file nobody reviewed as content, or skip it without a word.
 */
export function diskSource(root: string, label: string = root): ContentSource {
  let refused: RefusedFile[] = [];
  return {
    label,
    async list() {
      refused = [];
      // A missing or unreadable folder rejects here; the loader reports it like any other problem.
      const realRoot = await realpath(root);
      const files: string[] = [];
      const walk = async (dir: string, prefix: string, seen: Set<string>) => {
        const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
        for (const entry of entries) {
          if (skippedName(entry.name)) continue;
          const path = prefix ? `${prefix}/${entry.name}` : entry.name;
          const full = join(dir, entry.name);
          if (entry.isFile()) files.push(path);
          else if (entry.isDirectory()) await walk(full, path, seen);
          else if (entry.isSymbolicLink()) {
            let target: string;
            try {
              target = await realpath(full);
            } catch {
              refused.push({ path, message: 'is a symlink to nothing (its target does not exist); expected a file' });
              continue;
            }
            if (!isInside(realRoot, target)) {
              refused.push({
                path,
                message: `is a symlink to ${JSON.stringify(target)}, outside the content folder; expected a file inside it (copy the file in instead)`,
              });
              continue;
            }
            const info = await stat(target);
            if (info.isFile()) files.push(path);
            // A linked folder is read under the link's name, once (a link to its own parent would loop).
            else if (info.isDirectory() && !seen.has(target)) await walk(full, path, new Set([...seen, target]));
          }
        }
      };
      await walk(root, '', new Set([realRoot]));
      return files.sort();
    },
    // Read synchronously: content files are small and many, and each asynchronous read waits a
    // round trip through libuv's thread pool, which was half a second of a 1,000-item load.
    read: (path) => Promise.resolve().then(() => readFileSync(join(root, ...path.split('/')), 'utf8')),
    refused: () => refused,
  };
}

export function relativeLabel(projectRoot: string, folder: string): string {
  const rel = relative(projectRoot, folder).split(sep).join('/');
  return rel && !rel.startsWith('..') ? rel : folder;
}
