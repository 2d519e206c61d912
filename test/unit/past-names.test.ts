import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContentRepo } from '../../src/lib/git/repo.ts';
import { pastHiddenPages, pastNames } from '../../src/lib/history/past-names.ts';
import { type TempRepo, tempRepo } from '../support/git.ts';

const text = (n: number) => Array.from({ length: 20 }, (_, i) => `line ${i} of ${n}`).join('\n');
let repo: TempRepo;

beforeAll(async () => {
  repo = await tempRepo('cairn-renames-');
  await repo.write({ 'content/wiki/first.md': text(1), 'content/wiki/other.md': text(2), 'outside.md': text(3) });
  await repo.commit('one', '2026-01-01T00:00:00Z');
  await repo.move('content/wiki/first.md', 'content/wiki/second.md');
  await repo.move('content/wiki/other.md', 'content/roadmap/other.md');
  await repo.commit('two', '2026-02-01T00:00:00Z');
  await repo.move('content/wiki/second.md', 'content/wiki/third.md');
  await repo.write({ 'content/wiki/third.md': `${text(1)}\nedited` });
  await repo.commit('three', '2026-03-01T00:00:00Z');
});
afterAll(() => repo.cleanup());

describe('renames in the content folder', () => {
  it('are listed newest first, relative to the folder, also when the file changed too', async () => {
    const found = await (await openContentRepo(`${repo.dir}/content`))!.renames(10);
    expect(found.map(({ from, to }) => `${from} -> ${to}`)).toEqual([
      'wiki/second.md -> wiki/third.md',
      'wiki/other.md -> roadmap/other.md',
      'wiki/first.md -> wiki/second.md',
    ]);
  });

  it('are followed backwards to every name a file had', async () => {
    const found = await (await openContentRepo(`${repo.dir}/content`))!.renames(10);
    expect([...pastNames(['wiki/third.md'], found)].sort()).toEqual([
      'wiki/first.md',
      'wiki/second.md',
      'wiki/third.md',
    ]);
    expect([...pastNames(['roadmap/other.md'], found)].sort()).toEqual(['roadmap/other.md', 'wiki/other.md']);
  });

  it('give the page paths of past names, but not one a visible entry has today', () => {
    const renames = [{ commit: 'c', from: 'wiki/old.md', to: 'wiki/new.md' }];
    const pageOf = (file: string) => `wiki/${file.slice(5, -3)}/`;
    expect([...pastHiddenPages(['wiki/new.md'], renames, pageOf, new Set())].sort()).toEqual([
      'wiki/new/',
      'wiki/old/',
    ]);
    expect([...pastHiddenPages(['wiki/new.md'], renames, pageOf, new Set(['wiki/old/']))]).toEqual(['wiki/new/']);
  });
});
