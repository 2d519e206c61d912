/** `cairn preview [dir]`: serves a built site locally, under the base path it was built for. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../lib/errors.ts';
import { normalizeBase } from '../lib/site/links.ts';
import type { Io } from './build.ts';
import { PACKAGE_ROOT } from './paths.ts';

export interface PreviewOptions {
  projectRoot: string;
  dir: string;
  port?: number;
  host?: string;
  env: Record<string, string | undefined>;
}

export async function runPreview({ projectRoot, dir, port, host, env }: PreviewOptions, io: Io): Promise<number> {
  const site = resolve(projectRoot, dir);
  if (!existsSync(join(site, 'index.html')) && !existsSync(join(site, '404.html'))) {
    throw new UsageError(`${dir}: no built site there (no index.html)`, { hint: 'run `cairn build` first' });
  }
  const { preview } = await import('astro');
  // Astro's static server, without the project's config: serving needs no content.
  const server = await preview({
    root: PACKAGE_ROOT,
    configFile: false,
    outDir: site,
    base: normalizeBase(env.ROADMAP_BASE ?? '/'),
    trailingSlash: 'always',
    logLevel: 'warn',
    server: { ...(port ? { port } : {}), ...(host ? { host } : {}) },
  });
  io.log(
    `Cairn: serving ${site} at http://${host ?? 'localhost'}:${server.port}${normalizeBase(env.ROADMAP_BASE ?? '/')}`,
  );
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
  });
  await server.stop();
  return 0;
}
