import { resolve } from 'node:path';
import { diffViews } from '../diff/diff.ts';
import { type ItemMarker, itemMarkers } from '../diff/markers.ts';
import { redactDiff } from '../diff/redact.ts';
import { type EntryRef, type RevisionInfo, type RoadmapDiff, isEmptyDiff } from '../diff/types.ts';
import { type ContentRepo, GitError, openContentRepo } from '../git/repo.ts';
import { type History, computeHistory } from '../history/history.ts';
import { RevisionContentError, loadRevision, revisionView } from '../history/revision.ts';
import { buildShared } from './build-shared.ts';
import { UsageError } from '../errors.ts';
import { classify } from '../content/load.ts';
import { pastHiddenPages } from '../history/past-names.ts';
import { pageEntries } from '../model/audience.ts';
import type { EntryKind } from '../model/types.ts';
import { type SiteData, siteData } from './site-data.ts';

/** What a preview build (ROADMAP_COMPARE_BASE) shows: the change from the base to this build. */
export interface PreviewData {
  base: RevisionInfo;
  diff: RoadmapDiff;
  /** Roadmap item id -> how it changed, for the board, the timeline and the lists. */
  markers: Map<string, ItemMarker>;
}

export interface ChangesData {
  history: History;
  preview: PreviewData | null;
}

/** ROADMAP_COMPARE_BASE cannot be used; the message says why and what to do. */
export class CompareBaseError extends UsageError {
  override name = 'CompareBaseError';
}

export const HEAD_WORKING_TREE: RevisionInfo = { rev: 'working tree', commit: null };

/**
 * History and preview data for a build, from the git repository holding its content folder.
 * Computed from the build's audience view and views of the same audience at other revisions.
 */
export async function buildChangesData(data: SiteData, cacheDir: string | null): Promise<ChangesData> {
  const { config, view } = data;
  let repo: ContentRepo | null = null;
  let gitProblem: string | null = null;
  try {
    repo = await openContentRepo(config.contentDir);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    gitProblem = error.message;
  }
  const history = await computeHistory(repo, { audience: config.audience, limit: config.historyLimit, cacheDir });
  if (gitProblem) history.warnings.push(`${gitProblem}; /changes/ is built without history`);
  // An entry this build may not see has no history in it, not even a public past under an
  // earlier name (renames followed backwards).
  const renames = repo && history.status === 'ok' ? await repo.renames(config.historyLimit + 1).catch(() => []) : [];
  const shownPages = new Set(pageEntries(view).map((e) => pagePath(data, e.kind, e.id)));
  const pageOfFile = (file: string) => {
    const role = classify(file);
    return role?.kind === 'entry' ? pagePath(data, role.collection.kind, role.id) : null;
  };
  const pastHidden = pastHiddenPages(data.hiddenFiles, renames, pageOfFile, shownPages);
  const hidden = (ref: EntryRef) => {
    const path = safeDecode(ref.path).toLowerCase();
    return data.hiddenPaths.has(path) || pastHidden.has(path);
  };
  history.entries = history.entries
    .map((entry) => ({ ...entry, diff: redactDiff(entry.diff, hidden) }))
    .filter((entry) => !isEmptyDiff(entry.diff));
  let preview: PreviewData | null = null;
  if (config.compareBase) {
    const base = await compareBase(repo, config.compareBase, data, gitProblem);
    const diff = redactDiff(
      diffViews(revisionView(base.state, config.today, config.audience), view, {
        audience: config.audience,
        base: base.info,
        head: HEAD_WORKING_TREE,
        today: config.today,
      }),
      hidden,
    );
    preview = { base: base.info, diff, markers: itemMarkers(diff) };
  }
  return { history, preview };
}

function pagePath(data: SiteData, kind: EntryKind, id: string): string {
  return safeDecode(data.links.entryPath(kind, id)).toLowerCase();
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

async function compareBase(repo: ContentRepo | null, revision: string, data: SiteData, gitProblem: string | null) {
  if (!repo) {
    if (gitProblem) throw new CompareBaseError(`ROADMAP_COMPARE_BASE: ${gitProblem}`);
    throw new CompareBaseError(
      `ROADMAP_COMPARE_BASE: got ${JSON.stringify(revision)}, but the content folder ${data.contentLabel} is not in a git repository; ` +
        'expected a folder inside a git work tree',
    );
  }
  const commit = await repo.resolve(revision);
  if (!commit) {
    const shallow = await repo.isShallow();
    throw new CompareBaseError(
      `ROADMAP_COMPARE_BASE: got ${JSON.stringify(revision)}; expected a branch, tag or commit of the repository at ${repo.root}` +
        (shallow ? ' (this is a shallow clone: fetch that revision, or clone with the whole history)' : ''),
    );
  }
  const state = await loadRevision(repo.source(revision));
  if (state.status === 'invalid')
    throw new RevisionContentError(`${revision} (ROADMAP_COMPARE_BASE)`, state.diagnostics);
  return { info: { rev: revision, commit }, state };
}

/** Where per-commit diffs are cached: `.cairn/history` (or under CAIRN_CACHE_DIR). */
export function historyCacheDir(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
  return resolve(projectRoot, env.CAIRN_CACHE_DIR ?? '.cairn', 'history');
}

/** Errors that stop a build with a message for the author rather than a stack trace. */
export const isChangesError = (error: unknown): error is Error =>
  error instanceof CompareBaseError || error instanceof RevisionContentError;

/**
 * Works out the changes data before the site is built, so a bad ROADMAP_COMPARE_BASE stops
 * the build early, fills the history cache the pages then read, and says what it found.
 */
export async function prepareChanges(
  data: SiteData,
  log: (line: string) => void,
  warn: (line: string) => void,
): Promise<ChangesData> {
  const started = performance.now();
  const changes = await buildChangesData(data, historyCacheDir(data.config.projectRoot));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const warning of changes.history.warnings) warn(`warning ${warning}`);
  const h = changes.history;
  if (h.status === 'ok') {
    log(
      `Cairn: history: ${h.entries.length} change${h.entries.length === 1 ? '' : 's'} visible to the ${h.audience} site in ` +
        `${h.commitsRead} commit${h.commitsRead === 1 ? '' : 's'} (${h.fromCache} from cache${h.truncated ? `, older ones beyond the limit of ${h.limit} left out` : ''}) in ${seconds} s`,
    );
  } else if (h.status === 'not-git') {
    log('Cairn: history: the content folder is not in a git repository; /changes/ lists no history');
  }
  if (changes.preview) {
    log(
      `Cairn: preview against ${changes.preview.base.rev} (${changes.preview.base.commit?.slice(0, 7)}): ${changes.preview.markers.size} item(s) marked`,
    );
  }
  return changes;
}

const shared = buildShared('changesData', () =>
  siteData().then((data) => buildChangesData(data, historyCacheDir(data.config.projectRoot))),
);

/** Like `shareSiteData`: the build script's changes data, for Astro's modules in its process. */
export const shareChangesData = (changes: ChangesData): void => shared.share(changes);

/** The changes data of this build, computed once per process like `siteData()`. */
export const changesData = (): Promise<ChangesData> => shared.get();

/** The dev server's: the content changed, so history and previews are worked out again on next use. */
export const forgetChangesData = (): void => shared.forget();
