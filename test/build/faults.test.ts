import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OUTPUT, PROJECT_ROOT, listFiles, runBuild } from '../support/build.ts';
import { seededRandom } from '../support/random.ts';

/**
 * Ten builds killed with SIGKILL at pseudo-random points (seeded, so a failure reproduces),
 * each followed by a normal build: that one must start at once (no stale lock to wait for),
 * write the same bytes as an undisturbed build, and leave no staging folder or half-written
 * cache file behind.
 */
const content = join(FIXTURES, 'faults');
const out = join(OUTPUT, 'faults', 'dist');
const cache = join(OUTPUT, 'faults-cache');
const env = { CAIRN_CACHE_DIR: cache };

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    files.set(
      file,
      createHash('sha256')
        .update(await readFile(join(dir, file)))
        .digest('hex'),
    );
  }
  return files;
}

async function leftovers(): Promise<string[]> {
  const found: string[] = [];
  for (const folder of [dirname(out), join(PROJECT_ROOT, '.cairn')]) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (name.startsWith('.dist.staging-')) found.push(join(folder, name));
    }
  }
  const cached = await readdir(cache, { recursive: true }).catch(() => [] as string[]);
  found.push(...cached.filter((name) => /\.(partial|tmp)$/.test(name)));
  return found;
}

/** Starts a build like `runBuild` and kills it with SIGKILL after `ms`; true when it was killed. */
function killedBuild(ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'cairn.js'), 'build', '--out', out], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        ...env,
        ASTRO_TELEMETRY_DISABLED: '1',
        ROADMAP_CONTENT: content,
        ROADMAP_AUDIENCE: 'public',
        ROADMAP_TODAY: '2026-11-21',
        ROADMAP_BASE: '/',
        ROADMAP_COMPARE_BASE: '',
      },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

let reference: Map<string, string>;
let referenceMs: number;

beforeAll(async () => {
  await rm(join(OUTPUT, 'faults'), { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
  // The first build fills the caches; the reference is the second, as every later build is.
  expect((await runBuild({ content, out, env })).code).toBe(0);
  const started = Date.now();
  const result = await runBuild({ content, out, env });
  referenceMs = Date.now() - started;
  expect(result.code).toBe(0);
  reference = await snapshot(out);
});

describe('a build killed at any point', () => {
  it('is followed by a normal build that does not wait, writes the same site and leaves nothing behind', async () => {
    const random = seededRandom(12);
    const report: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const ms = Math.round(150 + random() * referenceMs);
      const killed = await killedBuild(ms);
      const started = Date.now();
      const result = await runBuild({ content, out, env });
      const took = Date.now() - started;
      report.push(`round ${round}: killed after ${ms} ms: ${killed}; next build ${took} ms, exit ${result.code}`);
      expect(result.code, `${report.join('\n')}\n${result.stderr}`).toBe(0);
      // A stale lock used to cost 60 s; a normal build here takes a few seconds.
      expect(took, report.join('\n')).toBeLessThan(Math.max(30_000, 3 * referenceMs));
      expect(await snapshot(out), report.join('\n')).toEqual(reference);
      expect(await leftovers(), report.join('\n')).toEqual([]);
    }
    expect(existsSync(out)).toBe(true);
  }, 600_000);
});
