import { defineCollection } from 'astro:content';
import { bodiesLoader } from './integrations/bodies-loader.ts';

/**
 * Astro renders the Markdown/MDX bodies; everything else comes from src/lib's loader, which
 * has already validated the frontmatter (so no schema here). Only files the build's audience
 * may see are given to Astro at all: an internal entry's body is never even compiled into a
 * public build.
 */
export const collections = { bodies: defineCollection({ loader: bodiesLoader() }) };
