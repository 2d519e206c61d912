import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { siteData } from './lib/build/site-data.ts';

/**
 * Astro renders the Markdown/MDX bodies; everything else comes from src/lib's loader, which
 * has already validated the frontmatter (so no schema here). Only files the build's audience
 * may see are given to Astro at all: an internal entry's body is never even compiled into a
 * public build.
 */
const data = await siteData();

const escapeGlob = (path: string) => path.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

const bodies = defineCollection({
  loader: glob({
    base: data.config.contentDir,
    // An empty pattern list would match nothing only by accident; a never-matching name is explicit.
    pattern: data.renderedFiles.length ? data.renderedFiles.map(escapeGlob) : ['.cairn-no-bodies'],
    generateId: ({ entry }) => entry,
    retainBody: false,
  }),
});

export const collections = { bodies };
