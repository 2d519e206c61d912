/**
 * `npm run bench [-- --sizes 100,1000,5000]`: builds generated content sets of each size with
 * Cairn (cold, then warm with unchanged content) and, in the same run, a bare Astro + MDX site
 * with the same number of pages, then prints a table and writes it to docs/performance.md.
 * A benchmark, not a test: it never fails on speed.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { generateBareSite, generateContent } from './bench/generate.ts';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.cairn', 'bench');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    out: { type: 'string', default: 'docs/performance.md' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const run = promisify(execFile);

interface Measure {
  seconds: number;
  maxRssMiB: number;
  og?: { generated: number; reused: number };
}

async function timed(args: string[], env: NodeJS.ProcessEnv, statsFile: string): Promise<Measure> {
  const started = performance.now();
  try {
    await run(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: string };
    throw new Error(`${args.join(' ')} failed:\n${e.stderr ?? String(error)}`, { cause: error });
  }
  const seconds = (performance.now() - started) / 1000;
  const stats = JSON.parse(await readFile(statsFile, 'utf8')) as { maxRssKiB: number; og?: Measure['og'] };
  return { seconds, maxRssMiB: stats.maxRssKiB / 1024, og: stats.og };
}

async function countFiles(dir: string, suffix: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(suffix)).length;
}

async function dirSize(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const e of entries) if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  return total;
}

interface Row {
  size: number;
  pages: number;
  cold: Measure;
  warm: Measure;
  bareCold: Measure;
  bareWarm: Measure;
  searchBytes: number;
}

const rows: Row[] = [];
for (const size of sizes) {
  const content = join(work, `content-${size}`);
  const out = join(work, `site-${size}`);
  const cache = join(work, `cache-${size}`);
  const statsFile = join(work, `stats-${size}.json`);
  console.error(`bench: generating ${size} items`);
  await generateContent(content, size);
  await rm(cache, { recursive: true, force: true });
  const env = {
    ROADMAP_CONTENT: content,
    ROADMAP_TODAY: '2026-11-21',
    CAIRN_CACHE_DIR: cache,
    CAIRN_STATS_FILE: statsFile,
  };
  const args = [join(root, 'scripts', 'build.ts'), '--out', out];
  console.error(`bench: Cairn cold build, ${size} items`);
  const cold = await timed(args, env, statsFile);
  console.error(`bench: Cairn warm build, ${size} items`);
  const warm = await timed(args, env, statsFile);
  const pages = await countFiles(out, '.html');
  const searchBytes = await dirSize(join(out, 'pagefind'));

  const bare = join(work, `bare-${size}`);
  await generateBareSite(bare, pages);
  const bareArgs = [join(root, 'scripts', 'bench', 'bare-build.ts'), bare, statsFile];
  console.error(`bench: bare Astro cold build, ${pages} pages`);
  const bareCold = await timed(bareArgs, {}, statsFile);
  console.error(`bench: bare Astro warm build, ${pages} pages`);
  const bareWarm = await timed(bareArgs, {}, statsFile);
  rows.push({ size, pages, cold, warm, bareCold, bareWarm, searchBytes });
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const header =
  '| items | pages | build | wall s | pages/s | peak MiB | OG generated / reused | search index | bare Astro s | ratio to bare |\n|---:|---:|---|---:|---:|---:|---|---:|---:|---:|';
const lines = rows.flatMap((r) =>
  (['cold', 'warm'] as const).map((kind) => {
    const m = r[kind];
    const bare = kind === 'cold' ? r.bareCold : r.bareWarm;
    return `| ${r.size} | ${r.pages} | ${kind} | ${f1(m.seconds)} | ${f1(r.pages / m.seconds)} | ${Math.round(m.maxRssMiB)} | ${m.og ? `${m.og.generated} / ${m.og.reused}` : '—'} | ${(r.searchBytes / 1024 / 1024).toFixed(1)} MiB | ${f1(bare.seconds)} | ${f2(m.seconds / bare.seconds)}× |`;
  }),
);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = `${header}\n${lines.join('\n')}`;
console.log(`\n${table}\n\nMachine: ${machine}`);

const bareNote = rows
  .map(
    (r) =>
      `${r.pages} pages: cold ${f1(r.bareCold.seconds)} s (${Math.round(r.bareCold.maxRssMiB)} MiB), warm ${f1(r.bareWarm.seconds)} s`,
  )
  .join('; ');
// What profiling found: prose kept beside the benchmark, read when the page is written.
const findings = await readFile(join(root, 'scripts', 'bench', 'findings.md'), 'utf8');
const doc = `# Performance

Measured by \`npm run bench\` (scripts/bench.ts). Each size is a generated content set
(scripts/bench/generate.ts): N roadmap items, 5N backlog items, N/10 objectives and wiki
pages, one body in ten MDX, two thirds public. Cairn builds the public site (pages, roadmap.json,
timeline SVG/PNG, Open Graph images, search index). "Bare Astro" is an Astro + MDX site with
the same number of pages (the same one-in-ten MDX share), one collection and one template:
the floor that Astro itself sets. Cold: no caches. Warm: the same content built again.
Peak memory is the build process's maximum resident set (worker threads included; pagefind's
own process is not).

Machine: ${machine}

${table}

Bare Astro: ${bareNote}.

${findings}`;
await writeFile(resolve(root, values.out), doc);
console.error(`bench: wrote ${values.out}`);
