/**
 * `cairn diff --base <rev> [--head <rev>] [--format markdown|json] [--preview-url <url>]`:
 * what a change does to the roadmap, per audience, between two git revisions of the content
 * folder (ROADMAP_CONTENT or content/), the head being the working tree unless given.
 * Markdown is made for a pull-request comment; JSON is documented in docs/diff.md.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readBuildConfig } from '../lib/config.ts';
import { UsageError } from '../lib/errors.ts';
import type { Io } from './build.ts';
import { formatDiagnostic } from '../lib/content/diagnostics.ts';
import { diskSource, relativeLabel } from '../lib/content/source.ts';
import { diffViews, withPublicationReasons } from '../lib/diff/diff.ts';
import { diffMarkdown } from '../lib/diff/markdown.ts';
import { DIFF_VERSION, type RevisionInfo, type RoadmapDiff } from '../lib/diff/types.ts';
import { GitError, openContentRepo } from '../lib/git/repo.ts';
import { type RevisionState, loadRevision, revisionView } from '../lib/history/revision.ts';
import type { Audience } from '../lib/model/types.ts';

export interface DiffOptions {
  projectRoot: string;
  base?: string;
  head?: string;
  format: string;
  previewUrl?: string;
  /** public, internal or all. */
  audience: string;
  out?: string;
  env: Record<string, string | undefined>;
}

/**
 * Compares the content folder at two revisions of the git repository that holds it, per
 * audience, and writes Markdown (a pull-request comment) or JSON (docs/diff.md). Returns the
 * exit code; wrong arguments throw a UsageError.
 */
export async function runDiff(values: DiffOptions, io: Io & { write(text: string): void }): Promise<number> {
  if (!values.base) {
    throw new UsageError('--base: required; expected the git revision to compare with, e.g. --base main');
  }
  if (values.format !== 'markdown' && values.format !== 'json') {
    throw new UsageError(`--format: got ${JSON.stringify(values.format)}; expected markdown or json`);
  }
  const audiences: Audience[] =
    values.audience === 'all'
      ? ['public', 'internal']
      : values.audience === 'public' || values.audience === 'internal'
        ? [values.audience]
        : [];
  if (!audiences.length)
    throw new UsageError(`--audience: got ${JSON.stringify(values.audience)}; expected public, internal or all`);
  const previewUrl = values.previewUrl ?? null;
  if (previewUrl !== null && !/^https?:\/\/\S+$/.test(previewUrl)) {
    throw new UsageError(`--preview-url: got ${JSON.stringify(previewUrl)}; expected an absolute http(s) URL`);
  }

  const config = readBuildConfig(values.env, values.projectRoot, new Date());
  const label = relativeLabel(values.projectRoot, config.contentDir);
  const repo = await openContentRepo(config.contentDir).catch((error: unknown) => {
    throw error instanceof GitError ? new UsageError(error.message, { cause: error }) : error;
  });
  if (!repo) {
    throw new UsageError(
      `The content folder ${label} is not in a git repository (or does not exist); expected a folder inside a git work tree`,
    );
  }

  const revision = async (rev: string): Promise<RevisionInfo> => {
    const commit = await repo.resolve(rev);
    if (!commit) {
      const hint = (await repo.isShallow()) ? ' (this is a shallow clone: fetch more history)' : '';
      throw new UsageError(`${JSON.stringify(rev)} is not a commit of the repository at ${repo.root}${hint}`);
    }
    return { rev, commit };
  };
  const base = await revision(values.base);
  const head: RevisionInfo = values.head ? await revision(values.head) : { rev: 'working tree', commit: null };

  const [baseState, headState] = await Promise.all([
    loadRevision(repo.source(values.base)),
    values.head ? loadRevision(repo.source(values.head)) : loadRevision(diskSource(config.contentDir, label)),
  ]);
  let invalid = false;
  for (const [rev, state] of [
    [base.rev, baseState],
    [head.rev, headState],
  ] as [string, RevisionState][]) {
    if (state.status !== 'invalid') continue;
    invalid = true;
    for (const d of state.diagnostics) io.error(formatDiagnostic(d));
    const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
    io.error(
      `\nThe content at ${rev} does not validate (${errors} error${errors === 1 ? '' : 's'}); no diff was made.\n`,
    );
  }
  if (invalid) return 1;
  if (baseState.status === 'absent')
    io.error(`note: ${label} does not exist at ${base.rev}; everything at ${head.rev} is new.`);

  const diffFor = (audience: Audience) =>
    diffViews(revisionView(baseState, config.today, audience), revisionView(headState, config.today, audience), {
      audience,
      base,
      head,
      today: config.today,
    });
  const internal = diffFor('internal');
  // Reviewers see both audiences: the public diff says which publications were internal before.
  const diffs: RoadmapDiff[] = audiences.map((audience) =>
    audience === 'internal' ? internal : withPublicationReasons(diffFor('public'), internal),
  );
  const output =
    values.format === 'json'
      ? `${JSON.stringify(
          {
            version: DIFF_VERSION,
            base,
            head,
            today: config.today,
            audiences: Object.fromEntries(diffs.map((d) => [d.audience, d])),
          },
          null,
          2,
        )}\n`
      : diffMarkdown(diffs, { previewUrl });
  if (values.out) await writeFile(resolve(values.projectRoot, values.out), output);
  else io.write(output);
  return 0;
}
