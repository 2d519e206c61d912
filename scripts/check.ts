/**
 * `npm run check [-- --strict]`: validate the content folder and report every problem.
 * Exits 1 on errors; with --strict, warnings fail too, so a team can gate CI on them.
 * Drift flags and stale entries are warnings, worked out on everything (the internal view)
 * as of ROADMAP_TODAY or today.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildConfig, ConfigError } from '../src/lib/config.ts';
import { type Diagnostic, formatDiagnostic } from '../src/lib/content/diagnostics.ts';
import { loadContent } from '../src/lib/content/load.ts';
import { diskSource, relativeLabel } from '../src/lib/content/source.ts';
import { audienceView } from '../src/lib/model/audience.ts';
import { healthReport } from '../src/lib/model/health.ts';
import { resolveContent } from '../src/lib/model/resolve.ts';

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
    console.log('--strict   warnings (drift flags and stale entries among them) fail the check too');
    return 0;
  }
  let config;
  try {
    config = readBuildConfig(
      { ...process.env, ...(values.content ? { ROADMAP_CONTENT: values.content } : {}) },
      root,
      new Date(),
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const label = relativeLabel(root, config.contentDir);
  const { content, diagnostics } = await loadContent(diskSource(config.contentDir, label));
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  let warnings = diagnostics.length - errors;
  if (!content || errors > 0) {
    console.error(`\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
    return 1;
  }

  const health = healthReport(audienceView(resolveContent(content, config.today), 'internal'));
  const fileOf = (file: string) => `${label}/${file}`.replace(/^\.\//, '');
  const itemFile = new Map(content.roadmap.map((i) => [i.id, i.file]));
  const healthWarnings: Diagnostic[] = [
    ...health.drift.map((f) => ({
      severity: 'warning' as const,
      file: fileOf(itemFile.get(f.itemId) ?? `roadmap/${f.itemId}`),
      field: 'drift',
      message: `${f.message} [${f.kind}]`,
    })),
    ...health.stale.map((e) => ({
      severity: 'warning' as const,
      file: fileOf(e.file),
      field: 'updated',
      message:
        (e.kind === 'backlog' ? `${e.id}: ` : '') +
        (e.updated
          ? `stale: last reviewed ${e.updated}, ${e.ageDays} days before ${config.today}; expected within staleAfterDays (${health.staleAfterDays})`
          : `stale: never reviewed; expected an updated date within staleAfterDays (${health.staleAfterDays}) of ${config.today}`),
    })),
  ];
  for (const d of healthWarnings) console.error(formatDiagnostic(d));
  warnings += healthWarnings.length;

  const entries =
    2 +
    content.strategy.length +
    content.objectives.length +
    content.roadmap.length +
    content.backlog.length +
    content.wiki.length;
  const { orphans, itemsWithoutObjectives, objectivesWithoutItems } = health.alignment;
  const failsStrict = values.strict && warnings > 0;
  const counts =
    `${entries} entries, ${warnings} warning${warnings === 1 ? '' : 's'} ` +
    `(${health.drift.length} drift flag${health.drift.length === 1 ? '' : 's'}, ${health.stale.length} stale entr${health.stale.length === 1 ? 'y' : 'ies'}), as of ${config.today}.`;
  // A failing --strict run must not end on "valid": say what failed it.
  if (failsStrict) {
    console.error(`\nCheck failed (--strict): ${warnings} warning${warnings === 1 ? '' : 's'} above; ${counts}`);
  } else {
    console.log(`Content is valid: ${counts}`);
  }
  console.log(
    `Alignment: ${orphans.length} backlog item${orphans.length === 1 ? '' : 's'} with no epic, ` +
      `${itemsWithoutObjectives.length} roadmap item${itemsWithoutObjectives.length === 1 ? '' : 's'} serving no objective, ` +
      `${objectivesWithoutItems.length} objective${objectivesWithoutItems.length === 1 ? '' : 's'} with no roadmap item.`,
  );
  if (warnings > 0 && !values.strict) console.log('Run with --strict to fail on warnings.');
  return failsStrict ? 1 : 0;
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
