/**
 * `npm run build`: validate the content, build the site into a staging folder, and only
 * when every step succeeded replace `dist/` with it. Bad content, a failed Astro build or a
 * crash leave no `dist/` at all, so a stale or partial site can never be deployed by mistake.
 */
import { rm, rename, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../src/lib/config.ts';
import { formatDiagnostic } from '../src/lib/content/diagnostics.ts';
import { ContentError, buildSiteData } from '../src/lib/build/site-data.ts';
import { todayUtc } from '../src/lib/model/dates.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const dist = resolve(root, args.out);
// Beside the target, so the final rename stays on one file system.
const staging = join(dirname(dist), `.${basename(dist)}.staging-${process.pid}`);

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// Builds started from a test runner inherit NODE_ENV=test, which breaks Astro's production output.
process.env.NODE_ENV = 'production';
// One "today" for the whole build, even one that runs across midnight.
process.env.ROADMAP_TODAY ||= todayUtc(new Date());

async function main(): Promise<number> {
  try {
    const data = await buildSiteData(process.env, root, new Date());
    for (const d of data.diagnostics) console.warn(formatDiagnostic(d));
    console.log(
      `Cairn: building the ${data.config.audience} site from ${data.config.contentDir} as of ${data.config.today}` +
        (data.config.base !== '/' ? ` under ${data.config.base}` : ''),
    );
  } catch (error) {
    await rm(dist, { recursive: true, force: true });
    if (error instanceof ContentError) {
      for (const d of error.diagnostics) console.error(formatDiagnostic(d));
      console.error(`\n${error.message.split('\n')[0]}`);
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
  try {
    await build({
      root,
      outDir: staging,
      // One cache per content folder, audience, base and output: builds of different sites can
      // run side by side (the tests do) without sharing Astro's content store.
      cacheDir: join(root, '.cairn', 'cache', cacheKey()),
      logLevel: process.env.CAIRN_LOG_LEVEL === 'info' ? 'info' : 'warn',
    });
    await rm(dist, { recursive: true, force: true });
    await rename(staging, dist);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
    throw error;
  }
  console.log(`Cairn: site written to ${dist}`);
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
