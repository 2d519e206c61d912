import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  acquireLock,
  isAlive,
  moveIntoPlace,
  removeDeadLock,
  removeDeadPartials,
  removeDeadStaging,
  stagingFolder,
} from '../../src/lib/build/faults.ts';

/** The id of a process that has run and exited: nothing answers to it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  const pid = Number(child.stdout.trim());
  expect(isAlive(pid)).toBe(false);
  return pid;
}
const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
afterAll(() => live.kill());

const scratch = () => mkdtempSync(join(tmpdir(), 'cairn-faults-'));

describe('staging folders of killed builds', () => {
  it('are removed when their build is dead, kept while it runs', async () => {
    const dir = scratch();
    const dist = join(dir, 'dist');
    const dead = stagingFolder(dist, undefined, deadPid());
    const running = stagingFolder(dist, undefined, live.pid);
    const other = join(dir, '.other.staging-1');
    for (const folder of [dead, running, other]) mkdirSync(folder);
    expect(await removeDeadStaging(dist)).toEqual([dead.slice(dir.length + 1)]);
    expect([existsSync(dead), existsSync(running), existsSync(other)]).toEqual([false, true, true]);
  });
});

describe('half-written cache files', () => {
  it('of dead builds are removed, of live ones kept, and whole files never', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'images', 'og'), { recursive: true });
    const dead = deadPid();
    const files = {
      deadImage: join(dir, 'images', 'og', `a.png.${dead}-1.partial`),
      liveImage: join(dir, 'images', 'og', `b.png.${live.pid}-2.partial`),
      deadHistory: join(dir, `x.json.${dead}.tmp`),
      whole: join(dir, 'images', 'og', 'c.png'),
    };
    for (const file of Object.values(files)) writeFileSync(file, 'x');
    mkdirSync(join(dir, `search-key.${dead}.partial`));
    expect(await removeDeadPartials(dir)).toBe(3);
    expect(existsSync(files.deadImage) || existsSync(files.deadHistory)).toBe(false);
    expect(existsSync(files.liveImage) && existsSync(files.whole)).toBe(true);
    expect(existsSync(join(dir, `search-key.${dead}.partial`))).toBe(false);
  });
});

describe('the build lock', () => {
  it('is taken over at once when its owner was killed', async () => {
    const lock = join(scratch(), 'astro-build.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), `${deadPid()}\n`);
    const started = Date.now();
    const release = await acquireLock(lock, { timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(readFileSync(join(lock, 'owner'), 'utf8').trim()).toBe(String(process.pid));
    await release();
    expect(existsSync(lock)).toBe(false);
  });

  it('is waited for while its owner runs', async () => {
    const lock = join(scratch(), 'astro-build.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), `${live.pid}\n`);
    await expect(acquireLock(lock, { timeout: 600 })).rejects.toThrow(/Timed out/);
    expect(await removeDeadLock(lock)).toBe(false);
  });

  it('is taken over when its owner has not refreshed it for too long (a reused process id)', async () => {
    const lock = join(scratch(), 'astro-build.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), `${live.pid}\n`);
    expect(await removeDeadLock(lock, 0)).toBe(true);
  });

  it('replaces a lock left by older builds, which had no owner inside', async () => {
    const lock = join(scratch(), 'astro-build.lock');
    mkdirSync(lock);
    const release = await acquireLock(lock, { timeout: 2_000 });
    await release();
  });

  it('lets one holder in at a time', async () => {
    const lock = join(scratch(), 'astro-build.lock');
    const order: string[] = [];
    const hold = async (name: string) => {
      const release = await acquireLock(lock, { timeout: 5_000 });
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push(`${name} out`);
      await release();
    };
    await Promise.all([hold('a'), hold('b')]);
    expect(order.join(',')).toMatch(/^(a in,a out,b in,b out|b in,b out,a in,a out)$/);
  });
});

describe('putting the site in place', () => {
  it('renames the staging folder over the old site', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'staging'));
    writeFileSync(join(dir, 'staging', 'index.html'), 'new');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'old.html'), 'old');
    expect(await moveIntoPlace(join(dir, 'staging'), join(dir, 'dist'))).toBe('renamed');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, 'dist', 'old.html'))).toBe(false);
  });

  // /dev/shm is a tmpfs: a rename from the disk to it fails with EXDEV, as --out on another disk does.
  const otherFs = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
  it.skipIf(!otherFs)("stages a site for another file system on the project's, beside Astro's files", () => {
    const project = scratch();
    expect(stagingFolder('/dev/shm/site/dist', project, 7)).toBe(join(project, '.cairn', '.dist.staging-7'));
    expect(stagingFolder(join(project, 'out', 'dist'), project, 7)).toBe(join(project, 'out', '.dist.staging-7'));
  });

  it.skipIf(!otherFs)('copies when the site goes to another file system (EXDEV)', async () => {
    const staging = join(scratch(), 'staging');
    mkdirSync(join(staging, 'wiki'), { recursive: true });
    writeFileSync(join(staging, 'wiki', 'index.html'), 'page');
    const dist = join(mkdtempSync('/dev/shm/cairn-faults-'), 'dist');
    expect(await moveIntoPlace(staging, dist)).toBe('copied');
    expect(readFileSync(join(dist, 'wiki', 'index.html'), 'utf8')).toBe('page');
    expect(existsSync(staging)).toBe(false);
  });
});
