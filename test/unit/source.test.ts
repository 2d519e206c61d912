import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskSource } from '../../src/lib/content/source.ts';

describe('diskSource, on a real folder', () => {
  let root: string;
  let content: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cairn-source-'));
    content = join(root, 'content');
    await mkdir(join(content, 'roadmap'), { recursive: true });
    await mkdir(join(content, '.shared'), { recursive: true });
    await writeFile(join(content, '.shared', 'site.yaml'), 'title: T\n');
    await writeFile(join(content, 'roadmap', 'a.md'), 'A');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('lists files sorted, skipping dot folders', async () => {
    const source = diskSource(content);
    expect(await source.list()).toEqual(['roadmap/a.md']);
    expect(source.refused!()).toEqual([]);
  });

  it('follows a symlinked file whose target is inside the folder, under the link’s name', async () => {
    await symlink('.shared/site.yaml', join(content, 'site.yaml'));
    const source = diskSource(content);
    expect(await source.list()).toEqual(['roadmap/a.md', 'site.yaml']);
    expect(await source.read('site.yaml')).toBe('title: T\n');
  });

  it('follows a symlinked folder inside the folder, and a link back to an ancestor only once', async () => {
    await mkdir(join(content, 'wiki'));
    await writeFile(join(content, 'wiki', 'p.md'), 'P');
    await symlink('../wiki', join(content, 'wiki', 'loop'));
    await symlink('roadmap', join(content, 'plans'));
    const listed = await diskSource(content).list();
    expect(listed).toContain('plans/a.md');
    expect(listed).toContain('wiki/p.md');
    // The loop is read once under its own name, then stops.
    expect(listed.filter((p) => p.endsWith('/p.md')).length).toBeLessThanOrEqual(2);
  });

  it('refuses a symlink that points outside the folder, naming its target', async () => {
    await writeFile(join(root, 'outside.md'), 'secret');
    await symlink(join(root, 'outside.md'), join(content, 'roadmap', 'outside.md'));
    const source = diskSource(content);
    expect(await source.list()).toEqual(['roadmap/a.md']);
    expect(source.refused!()).toEqual([
      { path: 'roadmap/outside.md', message: expect.stringContaining('outside the content folder') },
    ]);
  });

  it('refuses a symlink to nothing', async () => {
    await symlink('gone.md', join(content, 'roadmap', 'dangling.md'));
    const source = diskSource(content);
    await source.list();
    expect(source.refused!()).toEqual([
      { path: 'roadmap/dangling.md', message: expect.stringContaining('symlink to nothing') },
    ]);
  });

  it('reads a content folder that is itself reached through a symlink', async () => {
    await symlink(content, join(root, 'linked'));
    const source = diskSource(join(root, 'linked'));
    await symlink('.shared/site.yaml', join(content, 'site.yaml'));
    expect(await source.list()).toEqual(['roadmap/a.md', 'site.yaml']);
    expect(source.refused!()).toEqual([]);
  });
});
