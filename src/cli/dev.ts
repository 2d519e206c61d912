/**
 * `cairn dev`: Astro's dev server over the content folder, with the model reloaded on every
 * content change (src/integrations/dev-reload.ts). Resolves with the exit code once the server
 * has stopped (on SIGINT or SIGTERM).
 */
import { resolve } from 'node:path';
import { ConfigError } from '../lib/config.ts';
import { formatDiagnostic } from '../lib/content/diagnostics.ts';
import { ContentError, buildSiteData, shareSiteData } from '../lib/build/site-data.ts';
import { devReload } from '../integrations/dev-reload.ts';

export interface DevOptions {
  /** Where the build switches' relative paths (ROADMAP_CONTENT) start. */
  projectRoot: string;
  /** The build switches (ROADMAP_*). */
  env: Record<string, string | undefined>;
  port?: number;
  host?: string;
}

/** Cairn's Astro project: astro.config.mjs and src/ live in the package, not the user's repository. */
const astroRoot = resolve(import.meta.dirname, '..', '..');

export async function runDev(opts: DevOptions): Promise<number> {
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  try {
    // Loaded here, with the caller's switches, and handed to Astro's config and pages: they
    // would otherwise each load it from process.env and the working directory.
    const data = await buildSiteData(opts.env, opts.projectRoot, new Date());
    shareSiteData(data);
    for (const d of data.diagnostics) console.warn(formatDiagnostic(d));
  } catch (error) {
    if (error instanceof ContentError) {
      for (const d of error.diagnostics) console.error(formatDiagnostic(d));
      console.error(
        `\n${error.message.split('\n')[0]!.replace(/; no site was written:$/, '; fix them and start again.')}`,
      );
      return 1;
    }
    if (error instanceof ConfigError) {
      console.error(`Build switches are wrong:\n${error.message}`);
      return 2;
    }
    throw error;
  }

  const { dev } = await import('astro');
  const server = await dev({
    root: astroRoot,
    server: { port: opts.port, host: opts.host },
    integrations: [devReload({ env: opts.env, projectRoot: opts.projectRoot })],
  });
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.stop().then(
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
