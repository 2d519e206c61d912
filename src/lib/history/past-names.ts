import type { Rename } from '../git/repo.ts';

/**
 * Every path a file had, following renames backwards from its path today: with renames
 * newest first, a rename whose new name is one of the file's names adds its old name. An
 * entry renamed and made internal in one commit is thereby the same entry as its public past.
 */
export function pastNames(currentPaths: Iterable<string>, renames: readonly Rename[]): Set<string> {
  const names = new Set(currentPaths);
  for (const { from, to } of renames) {
    if (names.has(to)) names.add(from);
  }
  return names;
}

/**
 * Page paths (as `Links.entryPath` writes them, decoded, lower-cased) that internal entries
 * had under earlier file names, leaving out any a visible entry holds today.
 */
export function pastHiddenPages(
  hiddenFiles: Iterable<string>,
  renames: readonly Rename[],
  pageOf: (file: string) => string | null,
  shownPages: ReadonlySet<string>,
): Set<string> {
  const pages = new Set<string>();
  for (const file of pastNames(hiddenFiles, renames)) {
    const page = pageOf(file);
    if (page && !shownPages.has(page)) pages.add(page);
  }
  return pages;
}
