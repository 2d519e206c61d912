import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * What a build killed mid-way (kill -9, a full disk, a power cut) leaves behind, and how the
 * next build clears it at once: every leftover carries its builder's process id, and a
 * leftover whose process is gone is removed, never waited for.
 */

/** True while a process with this id runs (one we may not signal still runs). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The staging folder of a build of `dist`, named for the build's process: beside `dist`, so
 * the final rename stays on one file system, unless `dist` is on another file system than the
 * project (`projectRoot`), whose `.astro/` Astro renames files out of: then in the project's
 * `.cairn/`, and the finished site is copied over (see `moveIntoPlace`).
 */
export function stagingFolder(dist: string, projectRoot?: string, pid: number = process.pid): string {
  const name = `.${basename(dist)}.staging-${pid}`;
  if (projectRoot && deviceOf(dirname(dist)) !== deviceOf(projectRoot)) return join(projectRoot, '.cairn', name);
  return join(dirname(dist), name);
}

/** The device of a path's nearest existing ancestor. */
function deviceOf(path: string): number {
  for (let at = path; ; at = dirname(at)) {
    try {
      return statSync(at).dev;
    } catch {
      if (dirname(at) === at) return -1;
    }
  }
}

/** Removes staging folders of `dist` whose build is dead; returns what was removed. */
export async function removeDeadStaging(dist: string, projectRoot?: string): Promise<string[]> {
  const prefix = `.${basename(dist)}.staging-`;
  const removed: string[] = [];
  const folders = [dirname(dist), ...(projectRoot ? [join(projectRoot, '.cairn')] : [])];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length));
      if (pid === process.pid || isAlive(pid)) continue;
      await rm(join(folder, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** `x.png.123-4.partial`, `<key>.123.partial`, `x.json.123.tmp`: the pid is the first number. */
const LEFTOVER = /\.(\d+)(?:-\d+)?\.(?:partial|tmp)$/;

/** Removes half-written cache files and folders of dead builds under `dir`; returns how many. */
export async function removeDeadPartials(dir: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const match = LEFTOVER.exec(entry.name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    await rm(join(entry.parentPath, entry.name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

const ownerFile = (lockPath: string) => join(lockPath, 'owner');

export interface LockOptions {
  /** How long to wait for a live owner before giving up, in ms. */
  timeout?: number;
  /** A lock not refreshed for this long is taken over even if its process id is in use (reused). */
  stale?: number;
}

/**
 * Takes a lock that is a folder holding its owner's process id. It is made whole aside and
 * renamed into place, so it never exists without an owner: a lock whose owner is dead is
 * taken over at once; a live owner is waited for. The owner refreshes it while it runs, so a
 * process id reused by another program cannot hold it past `stale`. Returns the release.
 */
let asideCount = 0;

export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const { timeout = 600_000, stale = 60_000 } = options;
  const started = Date.now();
  await mkdir(dirname(lockPath), { recursive: true });
  for (;;) {
    // Unique across every caller in this process: two waiters must never share a half-made lock.
    const aside = `${lockPath}.${process.pid}-${(asideCount += 1)}.tmp`;
    await rm(aside, { recursive: true, force: true });
    await mkdir(aside);
    await writeFile(join(aside, 'owner'), `${process.pid}\n`);
    try {
      await rename(aside, lockPath);
      return holdLock(lockPath);
    } catch (error) {
      await rm(aside, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'ENOTDIR' && code !== 'EISDIR') throw error;
    }
    if (await removeDeadLock(lockPath, stale)) continue;
    if (Date.now() - started > timeout) throw new Error(`Timed out waiting for the build lock ${lockPath}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function holdLock(lockPath: string): () => Promise<void> {
  const beat = setInterval(() => {
    const now = new Date();
    void utimes(lockPath, now, now).catch(() => undefined);
  }, 5_000);
  beat.unref();
  return async () => {
    clearInterval(beat);
    await rm(lockPath, { recursive: true, force: true });
  };
}

/**
 * Removes a lock whose owner is dead (or silent for `stale` ms), and the half-made locks of
 * dead processes beside it; true when the lock was removed.
 */
export async function removeDeadLock(lockPath: string, stale = 60_000): Promise<boolean> {
  const folder = dirname(lockPath);
  const prefix = `${basename(lockPath)}.`;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const match = /^(\d+)(?:-\d+)?\.tmp$/.exec(name.slice(prefix.length));
    if (name.startsWith(prefix) && match && !isAlive(Number(match[1]))) {
      await rm(join(folder, name), { recursive: true, force: true });
    }
  }
  let pid: number;
  let age: number;
  try {
    pid = Number((await readFile(ownerFile(lockPath), 'utf8')).trim());
    age = Date.now() - (await stat(lockPath)).mtimeMs;
  } catch (error) {
    // No lock at all, or one from before locks had owners: a folder or file with no owner inside.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(lockPath)) {
      await rm(lockPath, { recursive: true, force: true });
      return true;
    }
    return false;
  }
  if (isAlive(pid) && age < stale) return false;
  // Renamed away first, so two builds clearing the same dead lock cannot remove a new one.
  const dead = `${lockPath}.dead-${process.pid}`;
  try {
    await rename(lockPath, dead);
  } catch {
    return false;
  }
  await rm(dead, { recursive: true, force: true });
  return true;
}

/**
 * Puts the finished site in place of `dist`. A rename where it can be; where `dist` is on
 * another file system than its staging folder (a mount point given to `--out`), the rename
 * fails with EXDEV and the site is copied over instead, then staging removed.
 */
export async function moveIntoPlace(staging: string, dist: string): Promise<'renamed' | 'copied'> {
  await rm(dist, { recursive: true, force: true }).catch(async (error: NodeJS.ErrnoException) => {
    // A mount point cannot be removed, only emptied.
    if (error.code !== 'EBUSY') throw error;
    await emptyFolder(dist);
  });
  try {
    await rename(staging, dist);
    return 'renamed';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EBUSY') throw error;
  }
  await emptyFolder(dist);
  await cp(staging, dist, { recursive: true, errorOnExist: false, force: true });
  await rm(staging, { recursive: true, force: true });
  return 'copied';
}

async function emptyFolder(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.map((name) => rm(join(dir, name), { recursive: true, force: true })));
}
