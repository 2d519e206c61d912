import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffViews } from '../diff/diff.ts';
import { DIFF_VERSION, type RoadmapDiff, isEmptyDiff } from '../diff/types.ts';
import type { IsoDate } from '../model/dates.ts';
import type { Audience } from '../model/types.ts';
import type { Commit, ContentRepo } from '../git/repo.ts';
import { type Diagnostic, formatDiagnostic } from '../content/diagnostics.ts';
import { type RevisionState, loadRevision, revisionView } from './revision.ts';

/** One commit that changed what this audience sees, with the semantic diff from its parent. */
export interface HistoryEntry {
  hash: string;
  /** Committer date, ISO 8601 UTC. */
  date: string;
  /** The UTC calendar day of `date`: the "today" both sides of the diff were resolved with. */
  day: IsoDate;
  /**
   * The commit subject in internal histories; null in public ones, because a subject is free
   * text that may name internal work. Public pages title a change by what it did instead.
   */
  subject: string | null;
  diff: RoadmapDiff;
}

export type HistoryStatus = 'ok' | 'shallow' | 'not-git' | 'disabled';

export interface History {
  status: HistoryStatus;
  audience: Audience;
  /** Newest first; only commits that changed something this audience sees. */
  entries: HistoryEntry[];
  /** Things the build should say once (shallow clone, commits whose content did not validate). */
  warnings: string[];
  /** Older commits exist beyond `limit` and were not read. */
  truncated: boolean;
  limit: number;
  /** Commits that touched the content folder and were read. */
  commitsRead: number;
  /** Of those, how many diffs came from the cache. */
  fromCache: number;
}

export interface HistoryOptions {
  audience: Audience;
  /** Read at most this many of the most recent commits that touched the folder; 0 turns history off. */
  limit: number;
  /** Where diffs are cached per commit (`.cairn/history`); null for no cache. */
  cacheDir: string | null;
}

/** Bump when a change to the loader, the model or the diff changes what a cached diff would hold. */
const CACHE_REVISION = `diff-v${DIFF_VERSION}.1`;

/**
 * The roadmap's history for one audience from the git history of its content folder: for each
 * commit on the first-parent line of HEAD that touched the folder, the diff of the audience's
 * views before and after it, resolved as of the commit's day. A shallow clone gives no history
 * (with a warning) rather than a wrong one; a commit whose content does not validate is skipped
 * and the next one is compared with the last valid state before it.
 */
export async function computeHistory(repo: ContentRepo | null, options: HistoryOptions): Promise<History> {
  const { audience, limit } = options;
  const result = (status: HistoryStatus, warnings: string[] = []): History => ({
    status,
    audience,
    entries: [],
    warnings,
    truncated: false,
    limit,
    commitsRead: 0,
    fromCache: 0,
  });
  if (limit <= 0) return result('disabled');
  if (!repo) return result('not-git');
  if (await repo.isShallow()) {
    return result('shallow', [
      'The content folder is in a shallow git clone, so its history is incomplete: /changes/ is built without history. ' +
        'Fetch the whole history (git fetch --unshallow, or actions/checkout with fetch-depth: 0) to build it.',
    ]);
  }

  const listed = await repo.commits(limit + 1);
  const truncated = listed.length > limit;
  const commits = listed.slice(0, limit);
  // The folder's tree id at each commit and parent: a state is loaded once per distinct tree.
  const trees = await repo.folderTrees(commits.flatMap((c) => [c.hash, ...c.parents.slice(0, 1)]));
  const states = new Map<string, Promise<RevisionState>>();
  const stateAt = async (revision: string): Promise<RevisionState> => {
    const tree = trees.get(revision);
    if (tree === null) return { status: 'absent' };
    const source = repo.source(revision);
    const key = tree ?? (await source.fingerprint());
    let state = states.get(key);
    if (!state) {
      state = loadRevision(source).catch((error: unknown) => unreadable(source.label, error));
      states.set(key, state);
    }
    return state;
  };

  const history = result('ok');
  history.truncated = truncated;
  history.commitsRead = commits.length;
  const invalid: { commit: Commit; problem: string }[] = [];
  const unknownBase: Commit[] = [];

  for (const [index, commit] of commits.entries()) {
    const parent = commit.parents[0] ?? null;
    const cacheFile = options.cacheDir
      ? join(options.cacheDir, `${cacheKey(repo.folder, audience, commit, parent)}.json`)
      : null;
    const cached = cacheFile ? await readCached(cacheFile) : null;
    let diff: RoadmapDiff | null = cached;
    if (cached) {
      history.fromCache += 1;
    } else {
      const head = await stateAt(commit.hash).catch((error: unknown) => unreadable(commit.hash, error));
      if (head.status === 'invalid') {
        invalid.push({ commit, problem: firstProblem(head.diagnostics) });
        continue;
      }
      // The state before this commit; when it did not validate, the last valid state before it.
      let base: RevisionState = parent
        ? await stateAt(parent).catch((error: unknown) => unreadable(parent, error))
        : { status: 'absent' };
      let baseCommit = parent;
      let fellBack = false;
      for (let older = index + 1; base.status === 'invalid' && older < commits.length; older += 1) {
        const candidate = commits[older]!.parents[0];
        base = candidate
          ? await stateAt(candidate).catch((error: unknown) => unreadable(candidate, error))
          : { status: 'absent' };
        baseCommit = candidate ?? null;
        fellBack = true;
      }
      if (base.status === 'invalid') {
        unknownBase.push(commit);
        continue;
      }
      const day = commit.date.slice(0, 10);
      try {
        diff = diffViews(revisionView(base, day, audience), revisionView(head, day, audience), {
          audience,
          base: { rev: baseCommit ?? '(none)', commit: baseCommit },
          head: { rev: commit.hash, commit: commit.hash },
          today: day,
        });
      } catch (error) {
        // Content that loads but cannot be resolved at its own date is skipped like invalid content.
        invalid.push({ commit, problem: `it could not be compared: ${messageOf(error)}` });
        continue;
      }
      if (cacheFile && !fellBack) await writeCached(cacheFile, diff);
    }
    if (diff && !isEmptyDiff(diff)) {
      history.entries.push({
        hash: commit.hash,
        date: commit.date,
        day: commit.date.slice(0, 10),
        subject: audience === 'internal' ? commit.subject : null,
        diff,
      });
    }
  }

  const short = (list: Commit[]) => list.map((c) => c.hash.slice(0, 7)).join(', ');
  // One warning per skipped commit, with the first thing wrong there: enough to find it.
  for (const { commit, problem } of invalid) {
    history.warnings.push(
      `History: the content did not validate at commit ${commit.hash.slice(0, 7)} (${problem}); ` +
        'skipped, and the commit after compared with the last valid state.',
    );
  }
  if (unknownBase.length) {
    history.warnings.push(
      `History: no valid earlier state to compare ${short(unknownBase)} with, within the last ${limit} commits; left out.`,
    );
  }
  return history;
}

/** A revision whose content could not even be read (a loader crash, git refusing a blob). */
function unreadable(revision: string, error: unknown): RevisionState {
  return {
    status: 'invalid',
    diagnostics: [
      { severity: 'error', file: revision, field: '(content)', message: `could not be read: ${messageOf(error)}` },
    ],
  };
}

function firstProblem(diagnostics: Diagnostic[]): string {
  const first = diagnostics.find((d) => d.severity === 'error');
  // `content@<40 hex digits>/…` reads better with the short hash the warning names.
  return first
    ? formatDiagnostic(first)
        .replace(/^error /, '')
        .replace(/@([0-9a-f]{7})[0-9a-f]{33}\b/g, '@$1')
    : 'no details';
}

const messageOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

function cacheKey(folder: string, audience: Audience, commit: Commit, parent: string | null): string {
  return createHash('sha256')
    .update(JSON.stringify([CACHE_REVISION, folder, audience, commit.hash, parent]))
    .digest('hex')
    .slice(0, 32);
}

async function readCached(file: string): Promise<RoadmapDiff | null> {
  try {
    const diff = JSON.parse(await readFile(file, 'utf8')) as RoadmapDiff;
    return diff.version === DIFF_VERSION ? diff : null;
  } catch {
    return null;
  }
}

async function writeCached(file: string, diff: RoadmapDiff): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  // Written aside and renamed, so two builds at once never read half a file.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(diff));
  await rename(temp, file);
}
