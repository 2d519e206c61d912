import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type SimpleGit, simpleGit } from 'simple-git';
import type { ContentSource } from '../content/source.ts';
import { CairnError } from '../errors.ts';

/**
 * The git repository that holds a content folder, behind the few questions Cairn asks it.
 * Shells out to git (through simple-git) rather than reading git's files itself.
 */
export interface Commit {
  hash: string;
  /** Parent hashes; the first is the mainline parent. Empty for a root commit. */
  parents: string[];
  /** Committer date as an ISO 8601 UTC timestamp, `2026-11-03T09:30:00Z`. */
  date: string;
  /** First line of the message. */
  subject: string;
}

/** The content folder at one revision; `fingerprint` is the same for identical folders. */
export interface RevisionSource extends ContentSource {
  /** A hash of every path and blob id in the folder; `empty` when the folder does not exist there. */
  fingerprint(): Promise<string>;
}

export interface ContentRepo {
  /** The repository's top-level folder. */
  root: string;
  /** The content folder's path inside the repository, `/`-separated, no trailing slash; `''` at the root. */
  folder: string;
  /** True for a shallow clone (`git clone --depth …`), whose history is cut off. */
  isShallow(): Promise<boolean>;
  /** The full commit hash a revision names, or null when it names no commit here. */
  resolve(revision: string): Promise<string | null>;
  /** Commits on the first-parent line of HEAD that changed the content folder, newest first. */
  commits(limit: number): Promise<Commit[]>;
  /**
   * Files renamed inside the content folder by the commits `commits(limit)` lists, newest
   * first, as paths relative to the folder (git's rename detection, as `git log -M` sees it).
   */
  renames(limit: number): Promise<Rename[]>;
  /** The content folder as it is at a revision. */
  source(revision: string): RevisionSource;
  /**
   * The git tree id of the content folder at each revision (null where it does not exist),
   * in one call: identical folders have the same id, so a caller loads each state once.
   */
  folderTrees(revisions: string[]): Promise<Map<string, string | null>>;
}

export interface Rename {
  commit: string;
  from: string;
  to: string;
}

export class GitError extends CairnError {
  override name = 'GitError';
}

export const EMPTY_FINGERPRINT = 'empty';

/**
 * The repository holding `dir`, or null when `dir` is not inside a git work tree (or git is
 * missing); a GitError when git is there but will not read it.
 */
export async function openContentRepo(dir: string): Promise<ContentRepo | null> {
  if (!existsSync(dir)) return null;
  let top: string;
  let prefix: string;
  try {
    const out = await simpleGit({ baseDir: dir }).raw(['rev-parse', '--show-toplevel', '--show-prefix']);
    const lines = out.split('\n');
    top = lines[0]!.trim();
    prefix = (lines[1] ?? '').trim();
  } catch (error) {
    // Not in a work tree, or no git on this machine: no repository. Anything else (git
    // refusing a folder owned by another user, say) is worth saying.
    if (/not a git repository|ENOENT|spawn git/i.test(String(error))) return null;
    throw new GitError(`git cannot read ${dir}: ${firstLine(error)}`, { cause: error });
  }
  if (!top) return null;
  return contentRepo(simpleGit({ baseDir: top }), top, prefix.replace(/\/+$/, ''));
}

function contentRepo(git: SimpleGit, root: string, folder: string): ContentRepo {
  const pathspec = folder || '.';
  const blobs = new Map<string, Promise<string>>();
  const readBlob = (id: string) => {
    let text = blobs.get(id);
    if (!text) {
      text = git.raw(['cat-file', 'blob', id]);
      blobs.set(id, text);
    }
    return text;
  };
  /** Reads many blobs with one `git cat-file --batch`, into the memo. */
  const prefetch = async (ids: string[]) => {
    const wanted = [...new Set(ids)].filter((id) => !blobs.has(id));
    if (wanted.length < 2) return;
    const loaded = runGit(root, ['cat-file', '--batch'], `${wanted.join('\n')}\n`).then(parseBatch);
    for (const id of wanted)
      blobs.set(
        id,
        loaded.then((map) => map.get(id) ?? git.raw(['cat-file', 'blob', id])),
      );
    await loaded;
  };

  const resolve = async (revision: string): Promise<string | null> => {
    if (!revision || revision.startsWith('-')) return null;
    try {
      const out = await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
      return out.trim() || null;
    } catch {
      return null;
    }
  };

  return {
    root,
    folder,
    async isShallow() {
      return (await git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    },
    resolve,
    async commits(limit) {
      if (limit <= 0) return [];
      // A repository without any commit yet has no history rather than an error.
      if (!(await resolve('HEAD'))) return [];
      let out: string;
      try {
        out = await git.raw([
          'log',
          '--first-parent',
          `--max-count=${Math.floor(limit)}`,
          '--format=%H%x1f%P%x1f%cI%x1f%s%x1e',
          'HEAD',
          '--',
          pathspec,
        ]);
      } catch (error) {
        throw new GitError(`git log of ${folder || 'the repository'} failed`, { cause: error });
      }
      return out
        .split('\x1e')
        .map((record) => record.trim())
        .filter(Boolean)
        .map((record) => {
          const [hash = '', parents = '', date = '', subject = ''] = record.split('\x1f');
          return {
            hash,
            parents: parents.split(' ').filter(Boolean),
            date: new Date(date).toISOString().replace('.000Z', 'Z'),
            subject,
          };
        });
    },
    async renames(limit) {
      if (limit <= 0 || !(await resolve('HEAD'))) return [];
      let out: string;
      try {
        out = await git.raw([
          'log',
          '--first-parent',
          `--max-count=${Math.floor(limit)}`,
          '-M',
          '--diff-filter=R',
          '--name-status',
          '-z',
          '--format=%x1e%H',
          'HEAD',
          '--',
          pathspec,
        ]);
      } catch (error) {
        throw new GitError(`git log of ${folder || 'the repository'} failed`, { cause: error });
      }
      const prefix = folder ? `${folder}/` : '';
      const inner = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : null);
      const renames: Rename[] = [];
      for (const record of out.split('\x1e')) {
        // "<hash>\n\0R100\0<from>\0<to>\0R090\0…" with -z.
        const [head = '', ...fields] = record.split('\0');
        const commit = head.trim();
        if (!commit) continue;
        for (let i = 0; i + 2 < fields.length; i += 3) {
          const status = fields[i]?.trim() ?? '';
          if (!status.startsWith('R')) break;
          const from = inner(fields[i + 1] ?? '');
          const to = inner(fields[i + 2] ?? '');
          if (from !== null && to !== null) renames.push({ commit, from, to });
        }
      }
      return renames;
    },
    async folderTrees(revisions) {
      const unique = [...new Set(revisions)].filter((rev) => !rev.startsWith('-') && !/\s/.test(rev));
      const spec = (rev: string) => (folder ? `${rev}:${folder}` : `${rev}^{tree}`);
      const out = unique.length
        ? (await runGit(root, ['cat-file', '--batch-check'], `${unique.map(spec).join('\n')}\n`)).toString('utf8')
        : '';
      // One line per input, in order: "<oid> tree <size>", or "<input> missing".
      const lines = out.split('\n');
      return new Map(
        unique.map((rev, index) => {
          const [oid, type] = (lines[index] ?? '').split(' ');
          return [rev, type === 'tree' && oid ? oid : null];
        }),
      );
    },
    source(revision) {
      const prefix = folder ? `${folder}/` : '';
      let listing: Promise<Map<string, string>> | undefined;
      const list = () => {
        listing ??= (async () => {
          if (revision.startsWith('-')) throw new GitError(`${JSON.stringify(revision)} is not a revision`);
          let out: string;
          try {
            out = await git.raw([
              'ls-tree',
              '-r',
              '-z',
              '--full-tree',
              revision,
              '--',
              pathspec === '.' ? '.' : folder,
            ]);
          } catch (error) {
            throw new GitError(`git cannot read revision ${JSON.stringify(revision)}: ${firstLine(error)}`, {
              cause: error,
            });
          }
          const files = new Map<string, string>();
          for (const record of out.split('\0')) {
            // "<mode> <type> <object>\t<path>"
            const tab = record.indexOf('\t');
            if (tab < 0) continue;
            const [mode, type, object] = record.slice(0, tab).split(' ');
            const path = record.slice(tab + 1);
            if (type !== 'blob' || mode === '120000' || !object || !path.startsWith(prefix)) continue;
            const inner = path.slice(prefix.length);
            if (inner.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
            files.set(inner, object);
          }
          await prefetch([...files.values()]);
          return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        })();
        return listing;
      };
      return {
        label: `${folder || '.'}@${revision}`,
        async list() {
          return [...(await list()).keys()];
        },
        async read(path) {
          const id = (await list()).get(path);
          if (!id) throw new GitError(`${path} does not exist at ${revision}`);
          return readBlob(id);
        },
        async fingerprint() {
          const files = await list();
          if (files.size === 0) return EMPTY_FINGERPRINT;
          const hash = createHash('sha256');
          for (const [path, id] of files) hash.update(`${path}\0${id}\n`);
          return hash.digest('hex');
        },
      };
    },
  };
}

/** Runs git with `input` on standard input; resolves with standard output. */
function runGit(cwd: string, args: string[], input: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new GitError(`git ${args.join(' ')} failed: ${Buffer.concat(err).toString('utf8').trim()}`)),
    );
    child.stdin.end(input);
  });
}

/** Parses `git cat-file --batch` output: "<oid> <type> <size>\n<content>\n" per object. */
function parseBatch(out: Buffer): Map<string, string> {
  const objects = new Map<string, string>();
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(0x0a, at);
    if (newline < 0) break;
    const [oid, type, size] = out.subarray(at, newline).toString('utf8').split(' ');
    at = newline + 1;
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    if (type === 'blob' && oid) objects.set(oid, out.subarray(at, at + length).toString('utf8'));
    at += length + 1;
  }
  return objects;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.replace(/^fatal:\s*/, '') ?? text
  );
}
