/**
 * `cairn check [--strict]`: validate the content folder and report every problem.
 * Exits 1 on errors; with --strict, warnings fail too, so a team can gate CI on them.
 * Drift flags and stale entries are warnings, worked out on everything (the internal view)
 * as of ROADMAP_TODAY or today.
 */
import { readBuildConfig } from '../lib/config.ts';
import type { Io } from './build.ts';
import { type Diagnostic, formatDiagnostic } from '../lib/content/diagnostics.ts';
import { checkBodies } from '../lib/content/bodies.ts';
import { classify, loadContent } from '../lib/content/load.ts';
import { diskSource, relativeLabel } from '../lib/content/source.ts';
import { audienceView } from '../lib/model/audience.ts';
import { healthReport } from '../lib/model/health.ts';
import { resolveContent } from '../lib/model/resolve.ts';
import { bodyLinkTargets } from '../lib/build/site-data.ts';
import { makeLinks } from '../lib/site/links.ts';
import { PACKAGE_ROOT } from './paths.ts';

export interface CheckOptions {
  projectRoot: string;
  strict: boolean;
  env: Record<string, string | undefined>;
}

/** Validates the content folder and prints every problem; returns the exit code. */
export async function runCheck({ projectRoot, strict, env }: CheckOptions, io: Io): Promise<number> {
  const config = readBuildConfig(env, projectRoot, new Date());
  const label = relativeLabel(projectRoot, config.contentDir);
  const source = diskSource(config.contentDir, label);
  const { content, diagnostics } = await loadContent(source);
  // Every body, of every audience, through the build's own compiler; links from public ones
  // resolved as the public site's pages would.
  const bodies = (await source.list().catch(() => [])).filter((path) => classify(path) && /\.mdx?$/.test(path));
  const publicView = content ? audienceView(resolveContent(content, config.today), 'public') : null;
  const links =
    content && publicView
      ? bodyLinkTargets(content, publicView, makeLinks(config.base, publicView.site.url), config.base)
      : undefined;
  diagnostics.push(
    ...(await checkBodies(bodies, {
      contentDir: config.contentDir,
      contentLabel: label,
      // `/`-rooted imports resolve against the Astro project, which is Cairn's own root.
      projectRoot: PACKAGE_ROOT,
      ...(links ? { links } : {}),
    })),
  );
  for (const d of diagnostics) io.error(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  let warnings = diagnostics.length - errors;
  if (!content || errors > 0) {
    io.error(`\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
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
  for (const d of healthWarnings) io.error(formatDiagnostic(d));
  warnings += healthWarnings.length;

  const entries =
    2 +
    content.strategy.length +
    content.objectives.length +
    content.roadmap.length +
    content.backlog.length +
    content.wiki.length;
  const { orphans, itemsWithoutObjectives, objectivesWithoutItems } = health.alignment;
  const failsStrict = strict && warnings > 0;
  const counts =
    `${entries} entries, ${warnings} warning${warnings === 1 ? '' : 's'} ` +
    `(${health.drift.length} drift flag${health.drift.length === 1 ? '' : 's'}, ${health.stale.length} stale entr${health.stale.length === 1 ? 'y' : 'ies'}), as of ${config.today}.`;
  // A failing --strict run must not end on "valid": say what failed it.
  if (failsStrict) {
    io.error(`\nCheck failed (--strict): ${warnings} warning${warnings === 1 ? '' : 's'} above; ${counts}`);
  } else {
    io.log(`Content is valid: ${counts}`);
  }
  io.log(
    `Alignment: ${orphans.length} backlog item${orphans.length === 1 ? '' : 's'} with no epic, ` +
      `${itemsWithoutObjectives.length} roadmap item${itemsWithoutObjectives.length === 1 ? '' : 's'} serving no objective, ` +
      `${objectivesWithoutItems.length} objective${objectivesWithoutItems.length === 1 ? '' : 's'} with no roadmap item.`,
  );
  if (warnings > 0 && !strict) io.log('Run with --strict to fail on warnings.');
  return failsStrict ? 1 : 0;
}
