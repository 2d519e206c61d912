/**
 * `npm run build`: validate the content, build the site into a staging folder, and only
 * when every step succeeded replace `dist/` with it. Bad content, a failed Astro build or a
 * crash leave no `dist/` at all, so a stale or partial site can never be deployed by mistake.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../src/lib/config.ts';
import { formatDiagnostic } from '../src/lib/content/diagnostics.ts';
import { ContentError, type SiteData, buildSiteData, shareSiteData } from '../src/lib/build/site-data.ts';
import { isChangesError, prepareChanges, shareChangesData } from '../src/lib/build/changes-data.ts';
import { writeSearchIndex } from '../src/integrations/search-index.ts';
import { todayUtc } from '../src/lib/model/dates.ts';
import { ImagePool } from './images.ts';
import { listenForImages } from '../src/lib/build/image-requests.ts';
import { checkRenderedSite } from '../src/lib/build/rendered-check.ts';
import { reportContentFailure } from '../src/lib/build/report.ts';
import * as faults from '../src/lib/build/faults.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const dist = resolve(root, args.out);
// Beside the target, so the final rename stays on one file system (see stagingFolder).
const staging = faults.stagingFolder(dist, root);
// Caches (Astro's content store, Open Graph images) live here; the benchmark points it elsewhere.
const cacheRoot = resolve(root, process.env.CAIRN_CACHE_DIR ?? '.cairn');
/** What the build reports to `CAIRN_STATS_FILE` (for the benchmark). */
const stats: { og?: { generated: number; reused: number }; maxRssKiB?: number } = {};

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// Builds started from a test runner inherit NODE_ENV=test, which breaks Astro's production output.
process.env.NODE_ENV = 'production';
// One "today" for the whole build, even one that runs across midnight.
process.env.ROADMAP_TODAY ||= todayUtc(new Date());

const started = performance.now();
let phase = started;
const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  let data: SiteData;
  try {
    data = await buildSiteData(process.env, root, new Date());
    shareSiteData(data);
    for (const d of data.diagnostics) console.warn(formatDiagnostic(d));
    console.log(
      `Cairn: building the ${data.config.audience} site from ${data.config.contentDir} as of ${data.config.today}` +
        (data.config.base !== '/' ? ` under ${data.config.base}` : ''),
    );
    // History and preview diffs from git: a bad ROADMAP_COMPARE_BASE stops the build here.
    shareChangesData(await prepareChanges(data, console.log, console.warn));
  } catch (error) {
    await rm(dist, { recursive: true, force: true });
    if (isChangesError(error)) {
      console.error(`${error.message}\n\nNo site was written.`);
      return 1;
    }
    if (error instanceof ContentError) {
      for (const d of error.diagnostics) console.error(formatDiagnostic(d));
      console.error(`\n${error.message.split('\n')[0]!.replace(/:$/, '.')}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      console.error(`Build switches are wrong; no site was written:\n${error.message}`);
      return 1;
    }
    throw error;
  }

  const { build } = await import('astro');
  await mkdir(dirname(dist), { recursive: true });
  await mkdir(join(root, '.cairn'), { recursive: true });
  // What builds that were killed left behind goes first, without waiting on anything.
  await faults.removeDeadStaging(dist, root);
  await faults.removeDeadPartials(cacheRoot);
  // Images are drawn on worker threads as the pages ask for them, while Astro renders.
  const images = new ImagePool(join(cacheRoot, 'images'));
  const stopListening = listenForImages((request) => images.request(request));
  try {
    // Astro writes the list of content modules to <root>/.astro/, one file per project: two
    // builds of different content at once (the tests run them) would overwrite each other's.
    // A lock left by a killed build is taken over at once (its owner's process is gone).
    const release = await faults.acquireLock(join(root, '.cairn', 'astro-build.lock'));
    phase = performance.now();
    try {
      await build({
        root,
        outDir: staging,
        // One cache per content folder, audience, base and output: builds of different
        // sites never share Astro's content store.
        cacheDir: join(cacheRoot, 'cache', cacheKey()),
        logLevel: process.env.CAIRN_LOG_LEVEL === 'info' ? 'info' : 'warn',
      });
    } finally {
      stopListening();
      await release();
    }
    console.log(`Cairn: Astro built the pages (${since(phase)})`);
    phase = performance.now();
    // The rest of the images (worker threads) and the search index (pagefind's own process)
    // are independent: made side by side, in staging, so a failure of either leaves no site.
    const [drawn, search] = await Promise.all([
      images.finish(staging, data.view.site).then((result) => ({ ...result, took: since(phase) })),
      writeSearchIndex(staging, data, join(cacheRoot, 'search')).then((result) => ({ ...result, took: since(phase) })),
    ]);
    stats.og = drawn.og;
    console.log(
      `Cairn: Open Graph images: ${drawn.og.generated} generated, ${drawn.og.reused} reused; ` +
        `timeline PNGs: ${drawn.timeline.generated} generated, ${drawn.timeline.reused} reused (${drawn.took} after the pages)`,
    );
    console.log(
      `Cairn: search index of ${search.pages} pages and ${search.records} backlog items${search.reused ? ', unchanged, reused' : ''} (${search.took})`,
    );
    // The pages as written, links resolved as a browser would: nothing internal is reachable.
    const leaks = await checkRenderedSite(staging, data);
    if (leaks.length) throw new ContentError(leaks);
    await faults.moveIntoPlace(staging, dist);
  } catch (error) {
    stopListening();
    await images.close();
    await rm(staging, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
    if (reportContentFailure(error, console.error)) return 1;
    throw error;
  }
  console.log(`Cairn: site written to ${dist} (${since(started)} in all)`);
  if (process.env.CAIRN_STATS_FILE) {
    stats.maxRssKiB = process.resourceUsage().maxRSS;
    await writeFile(process.env.CAIRN_STATS_FILE, JSON.stringify(stats));
  }
  return 0;
}

function cacheKey(): string {
  const { ROADMAP_CONTENT = 'content', ROADMAP_AUDIENCE = 'public', ROADMAP_BASE = '/' } = process.env;
  return createHash('sha256')
    .update(JSON.stringify([resolve(root, ROADMAP_CONTENT), ROADMAP_AUDIENCE, ROADMAP_BASE, dist]))
    .digest('hex')
    .slice(0, 16);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.error('\nThe build failed; no site was written.');
    process.exitCode = 1;
  },
);
