// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { siteData } from './src/lib/build/site-data.ts';
import { siteOrigin } from './src/lib/site/links.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { contentLinksPlugin } from './src/integrations/content-links-plugin.ts';
import { contentImportGuard } from './src/integrations/import-guard.ts';

// Loading the content here validates it before Astro writes anything: bad content stops
// the build with the loader's messages, and no partial site is left behind.
const data = await siteData();
const { audience } = data.config;
const siteUrl = data.view.site.url;

export default defineConfig({
  // The origin only: `base` carries the path (ROADMAP_BASE replaces the path of site.yaml's url).
  site: siteUrl ? siteOrigin(siteUrl) : undefined,
  base: data.config.base,
  trailingSlash: 'always',
  output: 'static',
  // Four pages at a time: each page waits on the file system as it is written, and the others
  // render meanwhile (a tenth off a 1,000-item rebuild; the output is the same byte for byte).
  build: { format: 'directory', concurrency: 4 },
  // A public site is for search engines only when it knows its own URL; an internal one and a
  // pull-request preview never are.
  integrations: [mdx(), ...(audience === 'public' && siteUrl && !data.config.compareBase ? [sitemap()] : [])],
  devToolbar: { enabled: false },
  markdown: {
    processor: satteri({
      hastPlugins: [
        contentLinksPlugin({
          base: data.config.base,
          hiddenPaths: data.hiddenPaths,
          contentDir: data.config.contentDir,
          contentLabel: data.contentLabel,
        }),
      ],
    }),
  },
  vite: {
    // No body may import another content file, in any build (see the guard for why).
    plugins: [contentImportGuard({ contentDir: data.config.contentDir, contentLabel: data.contentLabel })],
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // One per MDX file, upstream withastro/astro#18087; harmless.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
