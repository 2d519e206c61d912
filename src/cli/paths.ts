import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The installed package: its Astro project (astro.config.mjs, src/, public/) is the `root`
 * of every build. The same from src/cli/*.ts (this repository) and compiled/cli/*.js (the
 * published package), both two folders below the package root.
 */
export const PACKAGE_ROOT = resolve(import.meta.dirname, '..', '..');

export const PACKAGE = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** Where Node runs this file from: TypeScript source here, JavaScript in the package. */
export const sourceExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
