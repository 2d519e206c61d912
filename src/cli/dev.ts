/**
 * `cairn dev`: stand-in until the live-reload dev server lands (issue 14, item 4): Astro's own
 * dev server over the package's Astro project, with the user's content.
 */
import { PACKAGE_ROOT } from './paths.ts';

export async function runDev(opts: {
  projectRoot: string;
  env: Record<string, string | undefined>;
  port?: number;
  host?: string;
}): Promise<number> {
  Object.assign(process.env, opts.env);
  const { dev } = await import('astro');
  const server = await dev({
    root: PACKAGE_ROOT,
    server: { ...(opts.port ? { port: opts.port } : {}), ...(opts.host ? { host: opts.host } : {}) },
  });
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
  });
  await server.stop();
  return 0;
}
