/** Builds the bare Astro site at argv[2] and writes its peak memory to argv[3]. */
import { writeFile } from 'node:fs/promises';
import { build } from 'astro';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
process.env.NODE_ENV = 'production';
const [root, statsFile] = process.argv.slice(2);
await build({ root: root!, logLevel: 'warn' });
if (statsFile) await writeFile(statsFile, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
