/**
 * `npm run bench [-- --sizes 100,1000,5000 --runs 3 --note "..."]`: builds generated content
 * sets of each size with Cairn (cold, then warm with unchanged content) and, in the same run, a
 * bare Astro + MDX site and a Starlight site with an Open Graph image per page (astro-og-canvas)
 * with the same number of pages, then prints a table and writes it to docs/performance.md,
 * keeping the table it replaces for comparison. Each build is timed `runs` times, the three
 * taking turns, and the median is reported: on a shared machine one timing can be a third off.
 * `--note` is printed above the table (say when the machine was busy).
 * A benchmark, not a test: it never fails on speed.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { generateBareSite, generateContent, generateStarlightSite } from './bench/generate.ts';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.cairn', 'bench');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'docs/performance.md' },
    note: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs ${values.runs}: expected a whole number of runs, 1 or more`);
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

/** The run with the median time, with the range of all runs' times and the highest peak memory. */
function median(measures: Measure[]): Measure & { range: [number, number] } {
  const sorted = [...measures].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const maxRssMiB = Math.max(...measures.map((m) => m.maxRssMiB));
  return { ...middle, maxRssMiB, range: [sorted[0]!.seconds, sorted.at(-1)!.seconds] };
}

interface Row {
  size: number;
  pages: number;
  cold: ReturnType<typeof median>;
  warm: ReturnType<typeof median>;
  bareCold: ReturnType<typeof median>;
  bareWarm: ReturnType<typeof median>;
  starlightCold: ReturnType<typeof median>;
  starlightWarm: ReturnType<typeof median>;
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
  const args = [join(root, 'bin', 'cairn.js'), 'build', '--out', out];
  const bare = join(work, `bare-${size}`);
  const bareArgs = [join(root, 'scripts', 'bench', 'bare-build.ts'), bare, statsFile];
  const starlight = join(work, `starlight-${size}`);
  const starlightArgs = [join(root, 'scripts', 'bench', 'bare-build.ts'), starlight, statsFile];
  const measured: Record<'cold' | 'warm' | 'bareCold' | 'bareWarm' | 'starlightCold' | 'starlightWarm', Measure[]> = {
    cold: [],
    warm: [],
    bareCold: [],
    bareWarm: [],
    starlightCold: [],
    starlightWarm: [],
  };
  let pages = 0;
  for (let r = 1; r <= runs; r++) {
    const of = `run ${r} of ${runs}`;
    await rm(cache, { recursive: true, force: true });
    console.error(`bench: Cairn cold build, ${size} items, ${of}`);
    measured.cold.push(await timed(args, env, statsFile));
    console.error(`bench: Cairn warm build, ${size} items, ${of}`);
    measured.warm.push(await timed(args, env, statsFile));
    pages = await countFiles(out, '.html');
    // Generated afresh each run: a new folder has no Astro cache, so its first build is cold.
    await generateBareSite(bare, pages);
    console.error(`bench: bare Astro cold build, ${pages} pages, ${of}`);
    measured.bareCold.push(await timed(bareArgs, {}, statsFile));
    console.error(`bench: bare Astro warm build, ${pages} pages, ${of}`);
    measured.bareWarm.push(await timed(bareArgs, {}, statsFile));
    // Starlight adds its own 404 page: one page fewer of content gives the same page count.
    await generateStarlightSite(starlight, pages - 1);
    console.error(`bench: Starlight + astro-og-canvas cold build, ${pages} pages, ${of}`);
    measured.starlightCold.push(await timed(starlightArgs, {}, statsFile));
    console.error(`bench: Starlight + astro-og-canvas warm build, ${pages} pages, ${of}`);
    measured.starlightWarm.push(await timed(starlightArgs, {}, statsFile));
  }
  const searchBytes = await dirSize(join(out, 'pagefind'));
  const cold = median(measured.cold);
  const warm = median(measured.warm);
  const bareCold = median(measured.bareCold);
  const bareWarm = median(measured.bareWarm);
  const starlightCold = median(measured.starlightCold);
  const starlightWarm = median(measured.starlightWarm);
  rows.push({ size, pages, cold, warm, bareCold, bareWarm, starlightCold, starlightWarm, searchBytes });
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const ranged = runs > 1 ? ' (range)' : '';
/** A median time, with the range of the runs when there were several. */
const timing = (m: Row['cold']) =>
  runs > 1 ? `${f1(m.seconds)} (${f1(m.range[0])}–${f1(m.range[1])})` : f1(m.seconds);
const header = `| items | pages | build | wall s${ranged} | pages/s | peak MiB | OG generated / reused | search index | bare Astro s${ranged} | ratio to bare | Starlight + OG s${ranged} | ratio to Starlight |\n|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|`;
const lines = rows.flatMap((r) =>
  (['cold', 'warm'] as const).map((kind) => {
    const m = r[kind];
    const bare = kind === 'cold' ? r.bareCold : r.bareWarm;
    const starlight = kind === 'cold' ? r.starlightCold : r.starlightWarm;
    return `| ${r.size} | ${r.pages} | ${kind} | ${timing(m)} | ${f1(r.pages / m.seconds)} | ${Math.round(m.maxRssMiB)} | ${m.og ? `${m.og.generated} / ${m.og.reused}` : '—'} | ${(r.searchBytes / 1024 / 1024).toFixed(1)} MiB | ${timing(bare)} | ${f2(m.seconds / bare.seconds)}× | ${timing(starlight)} | ${f2(m.seconds / starlight.seconds)}× |`;
  }),
);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = `${header}\n${lines.join('\n')}`;
console.log(`\n${table}\n\nMachine: ${machine}`);

const bareNote = rows
  .map(
    (r) =>
      `${r.pages} pages: bare Astro cold ${f1(r.bareCold.seconds)} s (${Math.round(r.bareCold.maxRssMiB)} MiB), warm ${f1(r.bareWarm.seconds)} s; ` +
      `Starlight cold ${f1(r.starlightCold.seconds)} s (${Math.round(r.starlightCold.maxRssMiB)} MiB), warm ${f1(r.starlightWarm.seconds)} s`,
  )
  .join('; ');
// What profiling found: prose kept beside the benchmark, read when the page is written.
const findings = await readFile(join(root, 'scripts', 'bench', 'findings.md'), 'utf8');

/** The first run's table of the page this run replaces, so a change in speed shows beside it. */
async function previousRun(path: string): Promise<string | null> {
  const old = await readFile(path, 'utf8').catch(() => null);
  const lines = old?.split('\n') ?? [];
  const at = lines.findIndex((l) => l.startsWith('Machine: '));
  if (at < 0) return null;
  const tableStart = lines.findIndex((l, i) => i > at && l.startsWith('|'));
  if (tableStart < 0) return null;
  const tableEnd = lines.findIndex((l, i) => i > tableStart && !l.startsWith('|'));
  const note = lines.slice(at + 1, tableStart).filter((l) => l.startsWith('Note: '));
  return [lines[at], ...note, '', ...lines.slice(tableStart, tableEnd < 0 ? undefined : tableEnd)].join('\n');
}
const previous = await previousRun(resolve(root, values.out));

const doc = `# Performance

Measured by \`npm run bench\` (scripts/bench.ts). Each size is a generated content set
(scripts/bench/generate.ts): N roadmap items, 5N backlog items, N/10 objectives and wiki
pages, one body in ten MDX, two thirds public. Cairn builds the public site (pages, roadmap.json,
timeline SVG/PNG, Open Graph images, search index). "Bare Astro" is an Astro + MDX site with
the same number of pages (the same one-in-ten MDX share), one collection and one template:
the floor that Astro itself sets. "Starlight + OG" is what a team would otherwise pick: a
Starlight site with the same number of pages and MDX share, its sidebar generated from four
folders, its Pagefind search, and one Open Graph image per page drawn by astro-og-canvas
(canvaskit-wasm) and named in the page's head. Cold: no caches. Warm: the same content built again.
${runs > 1 ? `Times are the median of ${runs} runs (the range in brackets), the three sites taking turns.` : 'Times are of one run.'}
Peak memory is the build process's maximum resident set, the highest of the runs (worker
threads included; pagefind's own process is not).

Machine: ${machine}
${values.note ? `\nNote: ${values.note}\n` : ''}
${table}

${bareNote}.
${previous ? `\n## The run before this one\n\nThe table this page showed before the run above, for comparison.\n\n${previous}\n` : ''}
${findings}`;
await writeFile(resolve(root, values.out), doc);
console.error(`bench: wrote ${values.out}`);
