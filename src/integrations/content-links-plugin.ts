import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin } from 'satteri';
import { rewriteContentLink } from '../lib/site/content-links.ts';

interface Options {
  base: string;
  /** Page paths (no base, trailing slash) of entries the build's audience may not see. */
  hiddenPaths: ReadonlySet<string>;
  contentDir: string;
  contentLabel: string;
}

/**
 * Sätteri (Astro 7's Markdown/MDX engine) plugin applying `rewriteContentLink` to every
 * `<a href>` and `<img src>` written in a body; a link that would leak fails the build.
 */
export function contentLinksPlugin(options: Options) {
  return defineHastPlugin({
    name: 'cairn-content-links',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        const attr = node.tagName === 'a' ? 'href' : 'src';
        const value = node.properties?.[attr];
        if (typeof value !== 'string') return;
        let result;
        try {
          result = rewriteContentLink(value, options.base, options.hiddenPaths);
        } catch {
          // A malformed % escape: the body check has reported it already; never a URIError here.
          return;
        }
        if ('href' in result) {
          if (result.href !== value) ctx.setProperty(node, attr, result.href);
          return;
        }
        const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : null;
        const where = path
          ? `${options.contentLabel}/${relative(options.contentDir, path).split('\\').join('/')}`
          : 'a content file';
        throw new Error(`error ${where}: body: ${result.error}`);
      },
    },
  });
}
