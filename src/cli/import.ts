/**
 * `cairn import <jira|linear|github> FILE [--out FILE] [--dry-run]`: a tracker export into one
 * backlog YAML file per source. The work is in src/lib/import/ (pure); this reads the files,
 * prints what happened and writes the backlog file only when the import has no errors.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { type Diagnostic, formatDiagnostic, hasErrors } from '../lib/content/diagnostics.ts';
import { classify, describeIssue } from '../lib/content/load.ts';
import { diskSource, relativeLabel } from '../lib/content/source.ts';
import { parseFrontmatter, parseYaml } from '../lib/content/yaml-source.ts';
import { importExport, sourceName } from '../lib/import/import.ts';
import { type ImportSettings, importSettings, importSettingsSchema } from '../lib/import/settings.ts';
import type { TrackedItem } from '../lib/import/trackers.ts';
import { SOURCES, isSource } from '../lib/import/types.ts';

export interface ImportOptions {
  source: string;
  file: string;
  out?: string;
  dryRun: boolean;
  contentDir: string;
  projectRoot: string;
}

export interface ImportIo {
  log(s: string): void;
  error(s: string): void;
}

/**
 * Where the backlog file goes. Default `backlog/<source>.yaml` in the content folder. A relative
 * `--out` that starts with `backlog/` is inside the content folder (where the loader reads it);
 * any other relative path is from the project root; an absolute one is used as it is.
 */
export function resolveOut(out: string | undefined, source: string, contentDir: string, projectRoot: string): string {
  if (!out) return join(contentDir, 'backlog', `${source}.yaml`);
  if (isAbsolute(out)) return out;
  return /^backlog[\\/]/.test(out) ? resolve(contentDir, out) : resolve(projectRoot, out);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));

export async function runImport(opts: ImportOptions, io: ImportIo): Promise<number> {
  if (!isSource(opts.source)) {
    io.error(`Unknown import source "${opts.source}"; expected one of: ${SOURCES.join(', ')}.`);
    return 2;
  }
  const source = opts.source;
  const label = (path: string) => relativeLabel(opts.projectRoot, path);
  const outPath = resolveOut(opts.out, source, opts.contentDir, opts.projectRoot);
  if (!/\.ya?ml$/i.test(outPath)) {
    io.error(`--out ${opts.out}: expected a .yaml or .yml file (backlog items are written as YAML).`);
    return 2;
  }
  const exportPath = resolve(opts.file);
  let text: string;
  try {
    text = await readFile(exportPath, 'utf8');
  } catch (error) {
    io.error(
      `Cannot read ${opts.file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected the ${sourceName(source)} export.`,
    );
    return 2;
  }

  const diagnostics: Diagnostic[] = [];
  const settings = await readSettings(opts.contentDir, label(opts.contentDir), diagnostics);
  const roadmap = await readTrackers(opts.contentDir, label(opts.contentDir));
  let existing: string | null;
  try {
    existing = existsSync(outPath) ? await readFile(outPath, 'utf8') : null;
  } catch (error) {
    io.error(
      `Cannot read ${label(outPath)} (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected --out to name a YAML file.`,
    );
    return 2;
  }
  const outcome = hasErrors(diagnostics)
    ? null
    : importExport({
        source,
        text,
        file: label(exportPath),
        settings,
        roadmap,
        existing,
        outFile: label(outPath),
      });
  diagnostics.push(...(outcome?.diagnostics ?? []));
  for (const d of diagnostics) io.error(formatDiagnostic(d));
  if (!outcome?.merge || hasErrors(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.error(`\n${plural(errors, 'error')}; nothing was written.`);
    return 1;
  }

  const { merge, unmatched, skipped, items } = outcome;
  const outLabel = label(outPath);
  const inBacklog = !relative(join(opts.contentDir, 'backlog'), outPath).startsWith('..');
  if (!inBacklog) {
    io.error(
      `warning ${outLabel}: not inside ${label(join(opts.contentDir, 'backlog'))}/, so check and build will not read it.`,
    );
  }
  for (const epic of unmatched) {
    const held = `its ${plural(epic.items, 'item')} ${epic.items === 1 ? 'is' : 'are'} imported without an epic`;
    const named = epic.title ? ` ("${epic.title}")` : '';
    io.error(
      source === 'jira' && /^\d+$/.test(epic.key)
        ? `warning ${label(exportPath)}: parent with Issue id ${epic.key}${named} is not in the export, so its key is unknown; ` +
            `${held} (export the parent too, and give its roadmap item \`tracker: <its key>\`).`
        : `warning ${label(exportPath)}: parent ${epic.key}${named} matches no roadmap item's tracker; ` +
            `${held} (give a roadmap item \`tracker: ${epic.key}\` to link them).`,
    );
  }

  io.log(
    `${sourceName(source)} export ${label(exportPath)}: ${plural(items.length, 'item')}${skipped.length ? `, ${skipped.length} skipped` : ''}.`,
  );
  const reasons = new Map<string, string[]>();
  for (const s of skipped) reasons.set(s.reason, [...(reasons.get(s.reason) ?? []), s.id]);
  for (const [reason, ids] of reasons) io.log(`  skipped, ${reason} (${ids.length}): ${ids.join(', ')}`);
  if (merge.added.length) io.log(`  added (${merge.added.length}): ${merge.added.join(', ')}`);
  for (const u of merge.updated) {
    io.log(`  updated ${u.id}: ${u.changes.map((c) => `${c.field} ${show(c.from)} -> ${show(c.to)}`).join('; ')}`);
  }
  if (merge.unchanged.length) io.log(`  unchanged: ${merge.unchanged.length}`);
  if (merge.gone.length) {
    io.log(
      `  no longer in the export, kept as they are (${merge.gone.length}): ${merge.gone.join(', ')}` +
        ` (delete them from ${outLabel} if they are gone for good)`,
    );
  }
  if (unmatched.length) {
    io.log(
      `  without an epic: ${plural(
        unmatched.reduce((n, e) => n + e.items, 0),
        'item',
      )} under ${plural(unmatched.length, 'parent')} no roadmap item tracks`,
    );
  }

  if (!merge.changed) {
    io.log(`${outLabel} is up to date; nothing to write.`);
    return 0;
  }
  if (opts.dryRun) {
    io.log(`Dry run: ${existing === null ? 'would create' : 'would update'} ${outLabel}; nothing was written.`);
    return 0;
  }
  try {
    await mkdir(dirname(outPath), { recursive: true });
    await writeFile(outPath, merge.text);
  } catch (error) {
    io.error(
      `Cannot write ${outLabel} (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was written.`,
    );
    return 1;
  }
  io.log(`${existing === null ? 'Created' : 'Updated'} ${outLabel}.`);
  return 0;
}

/** `site.yaml` `import:`; problems in it are reported like check reports them. */
async function readSettings(
  contentDir: string,
  contentLabel: string,
  diagnostics: Diagnostic[],
): Promise<ImportSettings> {
  const name = ['site.yaml', 'site.yml'].find((n) => existsSync(join(contentDir, n)));
  if (!name) {
    diagnostics.push({
      severity: 'error',
      file: `${contentLabel}/site.yaml`,
      field: '(file)',
      message: 'missing; expected a content folder with site.yaml (set ROADMAP_CONTENT or --content to its path)',
    });
    return importSettings(undefined);
  }
  const file = `${contentLabel}/${name}`;
  const parsed = parseYaml(await readFile(join(contentDir, name), 'utf8'));
  if (parsed.errors.length) {
    for (const e of parsed.errors) {
      diagnostics.push({
        severity: 'error',
        file,
        line: e.line,
        field: '(yaml)',
        message: `YAML syntax error: ${e.message}`,
      });
    }
    return importSettings(undefined);
  }
  const raw = (parsed.data as { import?: unknown } | null)?.import;
  const result = importSettingsSchema.safeParse(raw ?? {});
  if (result.success) return importSettings(result.data);
  for (const issue of result.error.issues) {
    const path = ['import', ...issue.path];
    let value: unknown = raw;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    diagnostics.push({
      severity: 'error',
      file,
      ...(parsed.lineOf(path) ? { line: parsed.lineOf(path)! } : {}),
      field: path.map(String).join('.'),
      message: describeIssue(issue, value),
    });
  }
  return importSettings(undefined);
}

/** Every roadmap item's `tracker`, read from the frontmatter alone so a problem elsewhere in the content does not stop an import. */
async function readTrackers(contentDir: string, contentLabel: string): Promise<TrackedItem[]> {
  const source = diskSource(contentDir);
  let paths: string[];
  try {
    paths = await source.list();
  } catch {
    return [];
  }
  const items: TrackedItem[] = [];
  for (const path of paths) {
    const role = classify(path);
    if (role?.kind !== 'entry' || role.collection.kind !== 'roadmap') continue;
    const { data } = parseFrontmatter(await source.read(path));
    const tracker = (data as { tracker?: unknown } | undefined)?.tracker;
    if (typeof tracker === 'string' || typeof tracker === 'number') {
      items.push({ id: role.id, tracker: String(tracker), file: `${contentLabel}/${path}` });
    }
  }
  return items;
}
