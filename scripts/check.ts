/**
 * `npm run check [-- --strict]`: validate the content folder and report every problem.
 * Exits 1 on errors; with --strict, warnings fail too, so a team can gate CI on them.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildConfig, ConfigError } from '../src/lib/config.ts';
import { formatDiagnostic } from '../src/lib/content/diagnostics.ts';
import { loadContent } from '../src/lib/content/load.ts';
import { diskSource, relativeLabel } from '../src/lib/content/source.ts';

const root = resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      strict: { type: 'boolean', default: false },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run check -- [--strict] [--content <folder>]\n');
    console.log('Validates the content folder (ROADMAP_CONTENT or content/) and prints every problem.');
    console.log('--strict   warnings fail the check too');
    return 0;
  }
  let config;
  try {
    config = readBuildConfig({ ...process.env, ...(values.content ? { ROADMAP_CONTENT: values.content } : {}) }, root, new Date());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const { content, diagnostics } = await loadContent(
    diskSource(config.contentDir, relativeLabel(root, config.contentDir)),
  );
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (!content || errors > 0) {
    console.error(`\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
    return 1;
  }
  const entries =
    2 + content.strategy.length + content.objectives.length + content.roadmap.length + content.backlog.length + content.wiki.length;
  console.log(`Content is valid: ${entries} entries, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
  return values.strict && warnings > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
