/**
 * `cairn dev`: Astro's dev server over the content folder, with the model reloaded on every
 * content change (src/integrations/dev-reload.ts). Content errors never stop it, even at the
 * start. Resolves with the exit code once the server has stopped (on SIGINT or SIGTERM).
 */
import { watch } from 'node:fs/promises';
import { ConfigError, readBuildConfig } from '../lib/config.ts';
import { formatDiagnostic } from '../lib/content/diagnostics.ts';
import { ContentError, type SiteData, buildSiteData, shareSiteData } from '../lib/build/site-data.ts';
import { devReload } from '../integrations/dev-reload.ts';
import { PACKAGE_ROOT } from './paths.ts';
import { acquireLock } from '../lib/build/faults.ts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface DevOptions {
  /** Where the build switches' relative paths (ROADMAP_CONTENT) start. */
  projectRoot: string;
  /** The build switches (ROADMAP_*). */
  env: Record<string, string | undefined>;
  port?: number;
  host?: string;
}

export async function runDev(opts: DevOptions): Promise<number> {
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  let stopped = false;
  const stopWaiting = new AbortController();
  const interrupted = () => {
    stopped = true;
    stopWaiting.abort();
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let data: SiteData | null;
  try {
    data = await firstLoad(opts, stopWaiting.signal);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Build switches are wrong:\n${error.message}`);
    return 2;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  if (!data || stopped) return 1;
  // Handed to Astro's config and pages, which would otherwise each load the content from
  // process.env and the working directory rather than from the caller's switches.
  shareSiteData(data);

  const { dev } = await import('astro');
  // The dev server writes Astro's files in <root>/.astro/ as builds do: a build from the same
  // installed package waits for it rather than have the two overwrite each other's.
  await mkdir(join(PACKAGE_ROOT, '.cairn'), { recursive: true });
  const release = await acquireLock(join(PACKAGE_ROOT, '.cairn', 'astro-build.lock'));
  const server = await dev({
    // Cairn's Astro project: astro.config.mjs and src/ live in the package, not the user's repository.
    root: PACKAGE_ROOT,
    server: { port: opts.port, host: opts.host },
    integrations: [devReload({ env: opts.env, projectRoot: opts.projectRoot, astroRoot: PACKAGE_ROOT })],
  });
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server
        .stop()
        .finally(release)
        .then(
          () => done(0),
          (error: unknown) => {
            console.error(error);
            done(1);
          },
        );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * The content as it is when the server starts. Astro's config is made from it, so while it
 * does not validate there is no server to show the problems on: they are printed, and the
 * load is tried again on every change under the content folder until it validates (or the
 * author stops: null).
 */
async function firstLoad(opts: DevOptions, signal: AbortSignal): Promise<SiteData | null> {
  for (;;) {
    try {
      const data = await buildSiteData(opts.env, opts.projectRoot, new Date(), PACKAGE_ROOT);
      for (const d of data.diagnostics) console.warn(formatDiagnostic(d));
      return data;
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      for (const d of error.diagnostics) console.error(formatDiagnostic(d));
      console.error(`\n${error.message.split('\n')[0]!.replace(/; no site was written:$/, '')}; waiting for a fix...`);
    }
    const { contentDir } = readBuildConfig(opts.env, opts.projectRoot, new Date());
    if (!(await nextChange(contentDir, signal))) return null;
  }
}

/** Resolves true once something under `dir` changed and settled, false if aborted first. */
async function nextChange(dir: string, signal: AbortSignal): Promise<boolean> {
  try {
    for await (const _ of watch(dir, { recursive: true, signal })) {
      // Editors save in several steps; wait for the last.
      await new Promise((r) => setTimeout(r, 100));
      return true;
    }
  } catch (error) {
    if ((error as Error).name === 'AbortError') return false;
    throw error;
  }
  return false;
}
