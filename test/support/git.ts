import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Git for tests, on real repositories in the system's temporary folder. Every command runs
 * with a fixed identity and no global or system configuration (the user's own git settings,
 * such as commit signing, never apply), and each commit gets the date the test gives it.
 */
export function gitEnv(date?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Cairn Test',
    GIT_AUTHOR_EMAIL: 'test@cairn.invalid',
    GIT_COMMITTER_NAME: 'Cairn Test',
    GIT_COMMITTER_EMAIL: 'test@cairn.invalid',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
}

export async function git(cwd: string, args: string[], date?: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: gitEnv(date), maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Git in a repository the tests did not make (this project's): with the user's own configuration. */
export async function projectGit(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

export interface TempRepo {
  /** The repository's top-level folder. */
  dir: string;
  /** Writes files (paths relative to the repository, `/`-separated), creating folders. */
  write(files: Record<string, string>): Promise<void>;
  remove(...paths: string[]): Promise<void>;
  move(from: string, to: string): Promise<void>;
  /** Stages everything and commits at `date` (ISO 8601); returns the commit hash. */
  commit(message: string, date: string): Promise<string>;
  git(...args: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

export async function tempRepo(prefix = 'cairn-git-'): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await git(dir, ['init', '--quiet', '--initial-branch=main']);
  return {
    dir,
    async write(files) {
      for (const [path, text] of Object.entries(files)) {
        const target = join(dir, ...path.split('/'));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      }
    },
    async remove(...paths) {
      for (const path of paths) await rm(join(dir, ...path.split('/')), { recursive: true, force: true });
    },
    async move(from, to) {
      const target = join(dir, ...to.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await rename(join(dir, ...from.split('/')), target);
    },
    async commit(message, date) {
      await git(dir, ['add', '--all']);
      await git(dir, ['commit', '--quiet', '--allow-empty', '-m', message], date);
      return (await git(dir, ['rev-parse', 'HEAD'])).trim();
    },
    git: (...args) => git(dir, args),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Markdown with YAML frontmatter. */
export function md(frontmatter: string, body = ''): string {
  return `---\n${frontmatter.trim()}\n---\n${body}`;
}
