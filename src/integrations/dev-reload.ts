import { resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { type Diagnostic, formatDiagnostic } from '../lib/content/diagnostics.ts';
import { ContentError, type SiteData, buildSiteData, shareSiteData, siteData } from '../lib/build/site-data.ts';
import { forgetChangesData } from '../lib/build/changes-data.ts';

interface Options {
  env: Record<string, string | undefined>;
  projectRoot: string;
  /** Cairn's Astro project, where `/`-rooted imports of bodies resolve. */
  astroRoot: string;
}

/** Editors write a file in several steps (truncate, write, rename): one reload for them all. */
const SETTLE_MS = 60;

/**
 * `cairn dev`: the model is loaded once per process and every page reads it through
 * `siteData()`, so without this a frontmatter edit would not show until a restart. On any
 * change under the content folder (site.yaml included) the whole model is loaded again and
 * shared with the pages; history is worked out again; Astro's body collection is reloaded
 * when the set of bodies to render changed; and the browser reloads the page. Content that
 * does not validate keeps the server up: the terminal lists the diagnostics and every page
 * shows them until the content is fixed.
 */
export function devReload(options: Options): AstroIntegration {
  return {
    name: 'cairn-dev-reload',
    hooks: {
      'astro:server:setup': async ({ server, logger, refreshContent }) => {
        const initial = await siteData();
        const contentDir = resolve(initial.config.contentDir);
        // The Markdown plugin was configured with this set: keep it current rather than stale.
        const markdownHiddenPaths = initial.hiddenPaths;
        let rendered = initial.renderedFiles.join('\n');
        let problems: string[] | null = null;

        const report = (ok: boolean, diagnostics: Diagnostic[]) => {
          const warnings = diagnostics.length === 1 ? '1 warning' : `${diagnostics.length} warnings`;
          if (ok) logger.info(`content reloaded${diagnostics.length ? ` (${warnings})` : ''}`);
          for (const d of diagnostics) {
            if (d.severity === 'error') logger.error(formatDiagnostic(d));
            else logger.warn(formatDiagnostic(d));
          }
        };

        async function reload(): Promise<void> {
          let next: SiteData;
          try {
            next = await buildSiteData(options.env, options.projectRoot, new Date(), options.astroRoot);
          } catch (error) {
            if (error instanceof ContentError) {
              problems = error.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
              report(false, error.diagnostics);
            } else {
              problems = [`error ${error instanceof Error ? error.message : String(error)}`];
              logger.error(problems[0]!);
            }
            return;
          }
          problems = null;
          shareSiteData(next);
          forgetChangesData();
          markdownHiddenPaths.clear();
          for (const path of next.hiddenPaths) markdownHiddenPaths.add(path);
          const nextRendered = next.renderedFiles.join('\n');
          if (nextRendered !== rendered && refreshContent) {
            rendered = nextRendered;
            await refreshContent({ loaders: ['cairn-bodies'] });
          }
          report(true, next.diagnostics);
        }

        // One reload at a time; changes during one lead to exactly one more.
        let timer: NodeJS.Timeout | undefined;
        let running: Promise<void> | null = null;
        let again = false;
        const schedule = () => {
          clearTimeout(timer);
          timer = setTimeout(run, SETTLE_MS);
        };
        const run = () => {
          if (running) {
            again = true;
            return;
          }
          running = reload()
            .catch((error: unknown) => logger.error(String(error)))
            .finally(() => {
              running = null;
              // Astro keeps each route's getStaticPaths() until the content changes: a new item
              // would 404. This is the message Astro's own content store sends for that.
              for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
              server.environments.client.hot.send({ type: 'full-reload', path: '*' });
              if (again) {
                again = false;
                run();
              }
            });
        };

        const inContent = (path: string) => resolve(path).startsWith(contentDir + sep);
        server.watcher.add(contentDir);
        for (const event of ['add', 'change', 'unlink'] as const)
          server.watcher.on(event, (path: string) => {
            if (inContent(path)) schedule();
          });

        const clientScript = `${server.config.base.replace(/\/?$/, '/')}@vite/client`;
        server.middlewares.use((req, res, next) => {
          if (!problems || req.method !== 'GET' || !req.headers.accept?.includes('text/html')) return next();
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(errorPage(problems, clientScript));
        });
      },
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Every page while the content is broken; Vite's client reloads it once the content is fixed. */
function errorPage(problems: string[], clientScript: string): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Content errors: ${count}</title>
<link rel="icon" href="data:,">
<script type="module" src="${escapeHtml(clientScript)}"></script>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}li{font-family:ui-monospace,monospace;white-space:pre-wrap;margin:.5rem 0}</style>
</head>
<body>
<main>
<h1>The content has ${count}</h1>
<p>Nothing is shown until they are fixed; this page reloads when a content file is saved.</p>
<ul id="cairn-diagnostics">
${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('\n')}
</ul>
</main>
</body>
</html>
`;
}
