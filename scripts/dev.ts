/** `npm run dev [-- --port N --host H]`: `cairn dev` for this repository's own content. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runDev } from '../src/cli/dev.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } });
process.exitCode = await runDev({
  projectRoot: resolve(import.meta.dirname, '..'),
  env: process.env,
  port: values.port === undefined ? undefined : Number(values.port),
  host: values.host,
});
// Astro's keyboard shortcuts and watchers would otherwise keep the process alive.
process.exit();
