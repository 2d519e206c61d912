import { cp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
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

/** The staging folder of a build of `dist`: beside it, named for the build's process. */
export const stagingFolder = (dist: string, pid: number = process.pid): string =>
  join(dirname(dist), `.${basename(dist)}.staging-${pid}`);

/** Removes staging folders beside `dist` whose build is dead; returns what was removed. */
export async function removeDeadStaging(dist: string): Promise<string[]> {
  const prefix = `.${basename(dist)}.staging-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dirname(dist));
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || isAlive(pid)) continue;
    await rm(join(dirname(dist), name), { recursive: true, force: true });
    removed.push(name);
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

/**
 * Before taking the build lock: a lock whose owner is dead is removed, so the next build
 * takes it at once instead of waiting for it to go stale. A lock without an owner yet (its
 * builder died between the two steps) is left to the lock's own staleness.
 */
export async function removeDeadLock(lockPath: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number((await readFile(ownerFile(lockPath), 'utf8')).trim());
  } catch {
    return false;
  }
  if (isAlive(pid)) return false;
  // Renamed away first, so two builds clearing the same dead lock cannot remove a new one.
  const aside = `${lockPath}.dead-${process.pid}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return false;
  }
  await rm(aside, { recursive: true, force: true });
  return true;
}

/** Records this process as the lock's owner, right after taking it. */
export async function recordLockOwner(lockPath: string): Promise<void> {
  await writeFile(ownerFile(lockPath), `${process.pid}\n`);
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

/** Releases the build lock taken with `recordLockOwner`: the owner note goes first. */
export async function releaseLock(lockPath: string, unlock: () => Promise<void>): Promise<void> {
  await rm(ownerFile(lockPath), { force: true });
  await unlock();
}
