/**
 * `cairn init [dir]`: writes a new roadmap repository from templates/init/: starter content,
 * package.json pinned to this version of Cairn, .gitignore, a README for the authors and the
 * GitHub workflows. npm leaves `.gitignore` out of packages and dot-folders are easy to lose,
 * so the templates name them `_gitignore` and `_github`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../lib/errors.ts';
import { todayUtc } from '../lib/model/dates.ts';
import type { Io } from './build.ts';
import { PACKAGE, PACKAGE_ROOT } from './paths.ts';

export const TEMPLATE_DIR = join(PACKAGE_ROOT, 'templates', 'init');

export interface InitOptions {
  projectRoot: string;
  dir: string;
  force: boolean;
  /** The review date stamped on the starter entries (default: today, UTC). */
  today?: string;
}

export async function runInit({ projectRoot, dir, force, today }: InitOptions, io: Io): Promise<number> {
  const target = resolve(projectRoot, dir);
  if (existsSync(target) && (await readdir(target)).length > 0 && !force) {
    throw new UsageError(`${dir}: the folder is not empty; expected a new or empty folder`, {
      hint: 'pass --force to write into it anyway (files of the same name are replaced)',
    });
  }
  const name = npmName(basename(target));
  const stamp = today ?? todayUtc(new Date());
  const files = (await readdir(TEMPLATE_DIR, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(TEMPLATE_DIR, join(e.parentPath, e.name)))
    .sort();
  for (const file of files) {
    let text = await readFile(join(TEMPLATE_DIR, file), 'utf8');
    if (file === 'package.json') text = text.replace('{{name}}', name).replace('{{version}}', PACKAGE.version);
    // Starter entries count as reviewed today, so the first `cairn check` has nothing stale.
    if (file.startsWith('content')) text = text.replace(/^(\s*updated:) \d{4}-\d{2}-\d{2}$/gm, `$1 ${stamp}`);
    const out = join(target, file.replace(/(^|[\\/])_(?=gitignore$|github[\\/])/g, '$1.'));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text, { mode: file.endsWith('.sh') ? 0o755 : 0o644 });
  }
  const where = dir;
  io.log(`Cairn: wrote a new roadmap repository in ${where} (${files.length} files).`);
  io.log(`Next:\n  ${where === '.' ? '' : `cd ${where} && `}npm install && npx cairn dev`);
  return 0;
}

/** A valid npm package name from a folder name. */
function npmName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name || 'roadmap';
}
