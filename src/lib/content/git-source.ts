import { simpleGit } from 'simple-git';
import type { ContentSource } from './source.ts';

/**
 * The content folder as it was at a git revision. `folder` is the content folder's path
 * inside the repository (`content`, or `''` when the repository is the content folder).
 * A revision where the folder does not exist yet lists no files.
 */
export function gitSource(repoDir: string, revision: string, folder: string): ContentSource {
  const git = simpleGit({ baseDir: repoDir });
  const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : '';
  return {
    label: `${prefix || './'}@${revision}`.replace('/@', '@'),
    async list() {
      const out = await git.raw(['ls-tree', '-r', '--name-only', '-z', revision, '--', prefix || '.']);
      return out
        .split('\0')
        .filter((path) => path && path.startsWith(prefix))
        .map((path) => path.slice(prefix.length))
        .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
        .sort();
    },
    read: (path) => git.show([`${revision}:${prefix}${path}`]),
  };
}
