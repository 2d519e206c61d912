import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FINGERPRINT, openContentRepo } from '../../src/lib/git/repo.ts';
import { type TempRepo, git, tempRepo } from '../support/git.ts';

/**
 * The git interface on real repositories: a project repository holding a content folder
 * `plans/` beside other files, with fixed commit dates.
 */
let repo: TempRepo;
const hashes: Record<string, string> = {};

beforeAll(async () => {
  repo = await tempRepo();
  await repo.write({ 'README.md': '# project\n' });
  hashes.before = await repo.commit('Start the project, no content yet', '2026-01-05T09:00:00+13:00');
  await repo.write({ 'plans/site.yaml': 'title: Plans\n', 'plans/roadmap/a.md': 'A\n', 'plans/.hidden/x.md': 'x\n' });
  hashes.add = await repo.commit('Add the roadmap', '2026-02-10T10:30:00Z');
  await repo.write({ 'src/code.ts': 'export {}\n' });
  hashes.code = await repo.commit('Code only', '2026-02-11T10:00:00Z');
  await repo.move('plans/roadmap/a.md', 'plans/roadmap/a.mdx');
  hashes.move = await repo.commit('Move a to MDX', '2026-03-01T08:00:00Z');
  // A side branch merged into main: history follows main's first parents.
  await repo.git('checkout', '--quiet', '-b', 'feature');
  await repo.write({ 'plans/roadmap/b.md': 'B\n' });
  hashes.feature = await repo.commit('Add b on a branch', '2026-03-02T08:00:00Z');
  await repo.git('checkout', '--quiet', 'main');
  await git(repo.dir, ['merge', '--quiet', '--no-ff', '-m', 'Merge feature', 'feature'], '2026-03-03T08:00:00Z');
  hashes.merge = (await repo.git('rev-parse', 'HEAD')).trim();
});

afterAll(() => repo.cleanup());

describe('openContentRepo', () => {
  it('finds the repository and the content folder inside it', async () => {
    const content = await openContentRepo(join(repo.dir, 'plans'));
    expect(content).not.toBeNull();
    expect(content!.folder).toBe('plans');
    expect(content!.root).toBe((await repo.git('rev-parse', '--show-toplevel')).trim());
  });

  it('takes a repository that is the content folder itself', async () => {
    expect((await openContentRepo(repo.dir))!.folder).toBe('');
  });

  it('gives null outside a git work tree, and for a folder that does not exist', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'cairn-nogit-'));
    try {
      expect(await openContentRepo(plain)).toBeNull();
      expect(await openContentRepo(join(plain, 'missing'))).toBeNull();
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });
});

describe('ContentRepo.commits', () => {
  it('lists the first-parent commits that touched the folder, newest first, with UTC dates and subjects', async () => {
    const content = (await openContentRepo(join(repo.dir, 'plans')))!;
    const commits = await content.commits(10);
    expect(commits.map((c) => c.subject)).toEqual(['Merge feature', 'Move a to MDX', 'Add the roadmap']);
    expect(commits[0]).toEqual({
      hash: hashes.merge,
      parents: [hashes.move, hashes.feature],
      date: '2026-03-03T08:00:00Z',
      subject: 'Merge feature',
    });
    expect(commits[2]!.date).toBe('2026-02-10T10:30:00Z');
  });

  it('gives every commit for a folder that is the repository, in UTC whatever the offset written', async () => {
    const commits = await (await openContentRepo(repo.dir))!.commits(10);
    expect(commits.map((c) => c.subject)).toEqual([
      'Merge feature',
      'Move a to MDX',
      'Code only',
      'Add the roadmap',
      'Start the project, no content yet',
    ]);
    expect(commits.at(-1)!.date).toBe('2026-01-04T20:00:00Z');
  });

  it('stops at the limit', async () => {
    const content = (await openContentRepo(join(repo.dir, 'plans')))!;
    expect((await content.commits(2)).map((c) => c.subject)).toEqual(['Merge feature', 'Move a to MDX']);
    expect(await content.commits(0)).toEqual([]);
  });

  it('gives no commits in a repository that has none yet', async () => {
    const empty = await tempRepo();
    try {
      await empty.write({ 'content/site.yaml': 'title: x\n' });
      expect(await (await openContentRepo(join(empty.dir, 'content')))!.commits(5)).toEqual([]);
    } finally {
      await empty.cleanup();
    }
  });
});

describe('ContentRepo.resolve', () => {
  it('resolves branches, tags and short hashes to full hashes, and nothing else', async () => {
    const content = (await openContentRepo(repo.dir))!;
    expect(await content.resolve('main')).toBe(hashes.merge);
    expect(await content.resolve('feature')).toBe(hashes.feature);
    expect(await content.resolve(hashes.add!.slice(0, 8))).toBe(hashes.add);
    expect(await content.resolve('HEAD~1')).toBe(hashes.move);
    expect(await content.resolve('no-such-branch')).toBeNull();
    expect(await content.resolve('--output=/tmp/x')).toBeNull();
  });
});

describe('ContentRepo.source', () => {
  it('lists and reads the folder as it was at a revision, skipping dot folders', async () => {
    const content = (await openContentRepo(join(repo.dir, 'plans')))!;
    const source = content.source(hashes.add!);
    expect(await source.list()).toEqual(['roadmap/a.md', 'site.yaml']);
    expect(await source.read('site.yaml')).toBe('title: Plans\n');
    expect(source.label).toBe(`plans@${hashes.add}`);
    expect(await content.source('main').list()).toEqual(['roadmap/a.mdx', 'roadmap/b.md', 'site.yaml']);
  });

  it('lists nothing where the folder does not exist yet', async () => {
    const content = (await openContentRepo(join(repo.dir, 'plans')))!;
    const source = content.source(hashes.before!);
    expect(await source.list()).toEqual([]);
    expect(await source.fingerprint()).toBe(EMPTY_FINGERPRINT);
  });

  it('gives identical folders the same fingerprint', async () => {
    const content = (await openContentRepo(join(repo.dir, 'plans')))!;
    expect(await content.source(hashes.code!).fingerprint()).toBe(await content.source(hashes.add!).fingerprint());
    expect(await content.source(hashes.move!).fingerprint()).not.toBe(await content.source(hashes.add!).fingerprint());
  });

  it('gives the folder’s tree id at many revisions in one call, null where it does not exist', async () => {
    const content = (await openContentRepo(join(repo.dir, 'plans')))!;
    const trees = await content.folderTrees([
      hashes.before!,
      hashes.add!,
      hashes.code!,
      hashes.move!,
      'no-such-branch',
    ]);
    expect(trees.get(hashes.before!)).toBeNull();
    expect(trees.get('no-such-branch')).toBeNull();
    expect(trees.get(hashes.add!)).toMatch(/^[0-9a-f]{40}$/);
    expect(trees.get(hashes.code!)).toBe(trees.get(hashes.add!));
    expect(trees.get(hashes.move!)).not.toBe(trees.get(hashes.add!));
    expect((await (await openContentRepo(repo.dir))!.folderTrees([hashes.before!])).get(hashes.before!)).toMatch(
      /^[0-9a-f]{40}$/,
    );
  });

  it('reads many files of a revision at once, as written', async () => {
    const many = await tempRepo();
    try {
      const files: Record<string, string> = {};
      for (let i = 0; i < 30; i++)
        files[`c/f${i}.md`] = `file ${i}\nwith ünïcode ✓ and a trailing newline\n`.repeat(i % 3);
      await many.write(files);
      await many.commit('many', '2026-01-01T00:00:00Z');
      const source = (await openContentRepo(join(many.dir, 'c')))!.source('HEAD');
      const listed = await source.list();
      expect(listed).toHaveLength(30);
      for (const path of listed) expect(await source.read(path)).toBe(files[`c/${path}`]);
    } finally {
      await many.cleanup();
    }
  });

  it('says which revision it cannot read', async () => {
    const content = (await openContentRepo(repo.dir))!;
    await expect(content.source('no-such-branch').list()).rejects.toThrow(/git cannot read revision "no-such-branch"/);
  });
});

describe('ContentRepo.isShallow', () => {
  it('is false for a full repository and true for a shallow clone', async () => {
    expect(await (await openContentRepo(repo.dir))!.isShallow()).toBe(false);
    const shallow = await mkdtemp(join(tmpdir(), 'cairn-shallow-'));
    try {
      await git(tmpdir(), ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, shallow]);
      const clone = (await openContentRepo(join(shallow, 'plans')))!;
      expect(await clone.isShallow()).toBe(true);
    } finally {
      await rm(shallow, { recursive: true, force: true });
    }
  });
});
