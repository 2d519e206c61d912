/**
 * `cairn build`: validate the content, build the site into a staging folder, and only
 * when every step succeeded replace `dist/` with it. Bad content, a failed Astro build or a
 * crash leave no `dist/` at all, so a stale or partial site can never be deployed by mistake.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../lib/config.ts';
import { formatDiagnostic } from '../lib/content/diagnostics.ts';
import { ContentError, type SiteData, checkSite, loadSite, shareSiteData } from '../lib/build/site-data.ts';
import { isChangesError, prepareChanges, shareChangesData } from '../lib/build/changes-data.ts';
import { writeSearchIndex } from '../integrations/search-index.ts';
import { todayUtc } from '../lib/model/dates.ts';
import { ImagePool } from './images.ts';
import { listenForImages, routeCardRequests, timelineImageRequests } from '../lib/build/image-requests.ts';
import { checkRenderedSite } from '../lib/build/rendered-check.ts';
import { reportContentFailure } from '../lib/build/report.ts';
import * as faults from '../lib/build/faults.ts';
import { CairnError, EXIT_CONTENT } from '../lib/errors.ts';
import { PACKAGE_ROOT } from './paths.ts';
import { type Route, routes } from '../lib/site/routes.ts';
import { pageFileOf } from '../lib/og/meta.ts';

export interface BuildOptions {
  /** The user's project: the content folder, `dist/` and the caches are resolved against it. */
  projectRoot: string;
  /** Where the site goes, relative to the project (default `dist`). */
  out: string;
  /** The build switches (ROADMAP_*, CAIRN_*), flags already folded in. */
  env: Record<string, string | undefined>;
}

export interface Io {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Validates the content, builds the site into a staging folder, and only when every step
 * succeeded replaces the output folder with it. Returns the exit code; errors for the user
 * are thrown as CairnErrors and reported by the command.
 */
export async function runBuild({ projectRoot, out, env }: BuildOptions, io: Io): Promise<number> {
  const root = PACKAGE_ROOT;
  const dist = resolve(projectRoot, out);
  // Beside the target, so the final rename stays on one file system (see stagingFolder).
  const staging = faults.stagingFolder(dist, projectRoot);
  // Caches (Astro's content store, Open Graph images) live here; the benchmark points it elsewhere.
  const cacheRoot = resolve(projectRoot, env.CAIRN_CACHE_DIR ?? '.cairn');
  /** What the build reports to `CAIRN_STATS_FILE` (for the benchmark). */
  const stats: { og?: { generated: number; reused: number }; maxRssKiB?: number } = {};

  // Builds started from a test runner inherit NODE_ENV=test, which breaks Astro's production output.
  process.env.NODE_ENV = 'production';
  // One "today" for the whole build, even one that runs across midnight.
  env.ROADMAP_TODAY ||= todayUtc(new Date());

  const started = performance.now();
  let phase = started;
  const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

  // Astro's modules load while the content is read and checked (their files are read meanwhile).
  const astro = import('astro');
  astro.catch(() => {}); // A failure is reported where the build awaits it.
  await mkdir(cacheRoot, { recursive: true });
  // What builds that were killed left behind goes first, without waiting on anything.
  await faults.removeDeadPartials(cacheRoot);
  // Images are drawn on worker threads from as soon as the view is known: the timeline files
  // and slides first, then every page's card once the route table is known (it needs the
  // history), all before Astro starts, so the second core draws while this one checks the
  // bodies, reads the history and starts Astro. The timeline pages ask for the same PNGs.
  const images = new ImagePool(join(cacheRoot, 'images'));
  let data: SiteData;
  let table: Route[];
  try {
    const loaded = await loadSite(env, projectRoot, new Date());
    for (const request of timelineImageRequests(loaded.view, loaded.links)) images.request(request);
    data = await checkSite(loaded, PACKAGE_ROOT);
    shareSiteData(data);
    for (const d of data.diagnostics) io.error(formatDiagnostic(d));
    io.log(
      `Cairn: building the ${data.config.audience} site from ${data.config.contentDir} as of ${data.config.today}` +
        (data.config.base !== '/' ? ` under ${data.config.base}` : ''),
    );
    // History and preview diffs from git: a bad ROADMAP_COMPARE_BASE stops the build here.
    const changes = await prepareChanges(
      data,
      (line) => io.log(line),
      (line) => io.error(line),
    );
    shareChangesData(changes);
    table = routes(data.view, data.links, changes);
    for (const request of routeCardRequests(data.view.site, table)) images.request(request);
  } catch (error) {
    await images.close();
    await rm(dist, { recursive: true, force: true });
    if (error instanceof ContentError) {
      for (const d of error.diagnostics) io.error(formatDiagnostic(d));
      throw new CairnError(error.message.split('\n')[0]!.replace(/:$/, '.'), { cause: error });
    }
    if (isChangesError(error)) {
      throw new CairnError(`${error.message}\n\nNo site was written.`, {
        cause: error,
        exitCode: error instanceof CairnError ? error.exitCode : EXIT_CONTENT,
      });
    }
    if (error instanceof ConfigError) {
      throw new ConfigError(`Build switches are wrong; no site was written:\n${error.message}`, { cause: error });
    }
    throw error;
  }

  const { build } = await astro;
  await mkdir(dirname(dist), { recursive: true });
  await mkdir(join(root, '.cairn'), { recursive: true });
  await faults.removeDeadStaging(dist, projectRoot);
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
        cacheDir: join(cacheRoot, 'cache', cacheKey(projectRoot, env, dist)),
        logLevel: process.env.CAIRN_LOG_LEVEL === 'info' ? 'info' : 'warn',
      });
    } finally {
      stopListening();
      await release();
    }
    io.log(`Cairn: Astro built the pages (${since(phase)})`);
    // A row Astro wrote no page for is a page the table made up (its file gone or renamed);
    // the other way round, a page without a row, Base.astro refuses and `images.finish` checks.
    const unwritten = table.filter((route) => !existsSync(join(staging, pageFileOf(route.path))));
    if (unwritten.length) {
      throw new Error(`The route table lists pages Astro did not write: ${unwritten.map((r) => r.path).join(', ')}`);
    }
    phase = performance.now();
    // The rest of the images (worker threads), the search index (pagefind's own process) and
    // the check of the pages as written (this thread) are independent: done side by side, in
    // staging, so a failure of any leaves no site.
    const [drawn, search, leaks] = await Promise.all([
      images.finish(staging).then((result) => ({ ...result, took: since(phase) })),
      writeSearchIndex(staging, data, table, join(cacheRoot, 'search')).then((result) => ({
        ...result,
        took: since(phase),
      })),
      // The pages as written, links resolved as a browser would: nothing internal is reachable.
      checkRenderedSite(staging, data, join(cacheRoot, 'checks')),
    ]);
    stats.og = drawn.og;
    io.log(
      `Cairn: Open Graph images: ${drawn.og.generated} generated, ${drawn.og.reused} reused; ` +
        `timeline PNGs: ${drawn.timeline.generated} generated, ${drawn.timeline.reused} reused (${drawn.took} after the pages)`,
    );
    io.log(
      `Cairn: search index of ${search.pages} pages and ${search.records} backlog items${search.reused ? ', unchanged, reused' : ''} (${search.took})`,
    );
    if (leaks.length) throw new ContentError(leaks);
    await faults.moveIntoPlace(staging, dist);
  } catch (error) {
    stopListening();
    await images.close();
    await rm(staging, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
    if (error instanceof CairnError) throw error;
    // Content problems found once Astro ran (an import of a content file, a rendered link to
    // an internal page) are diagnostics, not crashes.
    const lines: string[] = [];
    if (reportContentFailure(error, (line) => lines.push(line))) {
      const summary = lines.pop()!.trim();
      for (const line of lines) io.error(line);
      throw new CairnError(summary, { cause: error });
    }
    // Astro's own errors (an MDX body that does not compile, say) carry their file and line.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new CairnError(`${detail}\n\nThe build failed; no site was written.`, { cause: error });
  }
  io.log(`Cairn: site written to ${dist} (${since(started)} in all)`);
  if (env.CAIRN_STATS_FILE) {
    stats.maxRssKiB = process.resourceUsage().maxRSS;
    await writeFile(env.CAIRN_STATS_FILE, JSON.stringify(stats));
  }
  return 0;
}

function cacheKey(projectRoot: string, env: Record<string, string | undefined>, dist: string): string {
  const { ROADMAP_CONTENT = 'content', ROADMAP_AUDIENCE = 'public', ROADMAP_BASE = '/' } = env;
  return createHash('sha256')
    .update(JSON.stringify([resolve(projectRoot, ROADMAP_CONTENT), ROADMAP_AUDIENCE, ROADMAP_BASE, dist]))
    .digest('hex')
    .slice(0, 16);
}
